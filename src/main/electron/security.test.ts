import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildContentSecurityPolicy } from '../security/csp';
import { rendererLocation } from './renderer-location';
import {
  applySessionSecurity,
  guardWebContents,
  installNavigationGuards,
  isAllowedExternalLink,
} from './security';
import {
  BrowserWindow,
  FakeWebContents,
  app,
  fakeEvent,
  resetFakeElectron,
  session,
  shell,
} from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

const APP_URL = 'file:///app/out/renderer/index.html';
const renderer = rendererLocation({ indexHtmlPath: '/app/out/renderer/index.html' });
const options = { contentSecurityPolicy: buildContentSecurityPolicy(), isAppUrl: renderer.isAppUrl };

function guardedContents(): FakeWebContents {
  const contents = new FakeWebContents();
  guardWebContents(contents as never, options);
  return contents;
}

beforeEach(() => resetFakeElectron());

describe('Content-Security-Policy', () => {
  it('is set on every response, replacing any policy the response brought', () => {
    applySessionSecurity(session.defaultSession as never, options);
    const headers = session.defaultSession.respond('http://localhost:5173/', {
      'content-type': ['text/html'],
      'content-security-policy': ['default-src *'],
    });
    expect(headers).toEqual({
      'content-type': ['text/html'],
      'Content-Security-Policy': [buildContentSecurityPolicy()],
    });
  });

  it("allows only the app's own scripts and no plugins, frames or form posts", () => {
    const policy = buildContentSecurityPolicy();
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'none'");
    expect(policy).toContain("font-src 'self' data:");
  });
});

describe('navigation', () => {
  it('stays on the app page', () => {
    const contents = guardedContents();
    expect(contents.navigate(`${APP_URL}#/athletes`)).toBe(false);
  });

  it('refuses a foreign page and does not open it anywhere', () => {
    const contents = guardedContents();
    expect(contents.navigate('https://evil.example/phish')).toBe(true);
    expect(contents.navigate('file:///etc/passwd')).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('sends an allowed link to the browser instead of the window', () => {
    const contents = guardedContents();
    expect(contents.navigate('https://docs.lifttracker.app/programs')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://docs.lifttracker.app/programs');
  });

  it('refuses a redirect away from the app', () => {
    const contents = guardedContents();
    const event = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-redirect', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies window.open, opening allowed links in the browser', () => {
    const contents = guardedContents();
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(contents.openWindow('https://lifttracker.app/help')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://lifttracker.app/help');
  });

  it('refuses <webview>', () => {
    const contents = guardedContents();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('guards every web contents the app creates', () => {
    installNavigationGuards(app as never, options);
    const window = new BrowserWindow({ width: 800, height: 600 });
    expect(window.webContents.navigate('https://evil.example/')).toBe(true);
    expect(window.webContents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('allows only https links to listed origins', () => {
    expect(isAllowedExternalLink('https://lifttracker.app/pricing')).toBe(true);
    expect(isAllowedExternalLink('http://lifttracker.app/')).toBe(false);
    expect(isAllowedExternalLink('https://lifttracker.app.evil.example/')).toBe(false);
    expect(isAllowedExternalLink('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalLink('not a url')).toBe(false);
  });
});

describe('permissions', () => {
  beforeEach(() => applySessionSecurity(session.defaultSession as never, options));

  it.each(['media', 'geolocation', 'clipboard-read', 'usb', 'openExternal'])(
    'denies %s requests and checks',
    (permission) => {
      expect(session.defaultSession.requestPermission(permission, APP_URL)).toBe(false);
      expect(session.defaultSession.checkPermission(permission, APP_URL)).toBe(false);
    },
  );

  it('lets only the app page write to the clipboard', () => {
    expect(session.defaultSession.requestPermission('clipboard-sanitized-write', APP_URL)).toBe(true);
    expect(
      session.defaultSession.requestPermission('clipboard-sanitized-write', 'https://evil.example/'),
    ).toBe(false);
  });
});
