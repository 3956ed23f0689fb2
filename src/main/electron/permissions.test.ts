import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyPermissionPolicy } from './permissions';
import { rendererLocation } from './renderer-location';
import { applySessionSecurity } from './security';
import { resetFakeElectron, session } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

const APP_URL = 'file:///app/out/renderer/index.html#/workouts';
const built = rendererLocation({ indexHtmlPath: '/app/out/renderer/index.html' });
const FOREIGN_URLS = [
  'https://evil.example/',
  'file:///tmp/other.html',
  'file:///app/out/renderer/other.html',
  'http://localhost:5173/',
];

const microphone = { mediaTypes: ['audio'] };
const audioCheck = { mediaType: 'audio' };

beforeEach(() => {
  resetFakeElectron();
  applyPermissionPolicy(session.defaultSession as never, { isAppUrl: built.isAppUrl });
});

describe('the microphone', () => {
  it("is granted to the app's own page, whatever its route", () => {
    expect(session.defaultSession.requestPermission('media', APP_URL, microphone)).toBe(true);
    expect(
      session.defaultSession.requestPermission('media', 'file:///app/out/renderer/index.html', microphone),
    ).toBe(true);
    expect(session.defaultSession.checkPermission('media', APP_URL, audioCheck)).toBe(true);
  });

  it.each(FOREIGN_URLS)('is refused to %s', (url) => {
    expect(session.defaultSession.requestPermission('media', url, microphone)).toBe(false);
    expect(session.defaultSession.checkPermission('media', url, audioCheck)).toBe(false);
  });

  it('is refused when the camera comes with it, or alone', () => {
    expect(
      session.defaultSession.requestPermission('media', APP_URL, { mediaTypes: ['audio', 'video'] }),
    ).toBe(false);
    expect(session.defaultSession.requestPermission('media', APP_URL, { mediaTypes: ['video'] })).toBe(false);
    expect(session.defaultSession.checkPermission('media', APP_URL, { mediaType: 'video' })).toBe(false);
    expect(session.defaultSession.checkPermission('media', APP_URL, { mediaType: 'unknown' })).toBe(false);
  });

  it('is refused when the request names no media type', () => {
    expect(session.defaultSession.requestPermission('media', APP_URL)).toBe(false);
    expect(session.defaultSession.requestPermission('media', APP_URL, { mediaTypes: [] })).toBe(false);
    expect(session.defaultSession.checkPermission('media', APP_URL)).toBe(false);
  });

  it('is refused when Electron does not say which page asks', () => {
    let granted: boolean | undefined;
    session.defaultSession.permissionRequestHandler?.({}, 'media', (answer: boolean) => (granted = answer), {
      mediaTypes: ['audio'],
      isMainFrame: true,
    });
    expect(granted).toBe(false);
    expect(session.defaultSession.permissionCheckHandler?.({}, 'media', '', { mediaType: 'audio' })).toBe(
      false,
    );
  });

  it('never covers a screen capture, even with its audio', () => {
    expect(session.defaultSession.requestPermission('display-capture', APP_URL, microphone)).toBe(false);
  });
});

describe('everything else', () => {
  it.each(['geolocation', 'clipboard-read', 'usb', 'hid', 'midi', 'openExternal'])(
    'denies %s, even to the app',
    (permission) => {
      expect(session.defaultSession.requestPermission(permission, APP_URL)).toBe(false);
      expect(session.defaultSession.checkPermission(permission, APP_URL)).toBe(false);
    },
  );

  it('lets only the app page show notifications (the end of a rest while the window is behind others)', () => {
    expect(session.defaultSession.requestPermission('notifications', APP_URL)).toBe(true);
    expect(session.defaultSession.checkPermission('notifications', APP_URL)).toBe(true);
    expect(session.defaultSession.requestPermission('notifications', 'https://evil.example/')).toBe(false);
  });

  it('lets only the app page write to the clipboard', () => {
    expect(session.defaultSession.requestPermission('clipboard-sanitized-write', APP_URL)).toBe(true);
    expect(
      session.defaultSession.requestPermission('clipboard-sanitized-write', 'https://evil.example/'),
    ).toBe(false);
  });
});

describe('in development', () => {
  it("grants the microphone to the dev server's origin only", () => {
    const dev = rendererLocation({
      devServerUrl: 'http://localhost:5173/',
      indexHtmlPath: '/app/out/renderer/index.html',
    });
    applyPermissionPolicy(session.defaultSession as never, { isAppUrl: dev.isAppUrl });
    expect(
      session.defaultSession.requestPermission('media', 'http://localhost:5173/#/workouts', microphone),
    ).toBe(true);
    expect(session.defaultSession.requestPermission('media', 'http://localhost:5174/', microphone)).toBe(
      false,
    );
    expect(session.defaultSession.requestPermission('media', APP_URL, microphone)).toBe(false);
  });
});

describe('the shell', () => {
  it("installs this policy with the session's security settings", () => {
    resetFakeElectron();
    applySessionSecurity(session.defaultSession as never, {
      contentSecurityPolicy: "default-src 'self'",
      isAppUrl: built.isAppUrl,
    });
    expect(session.defaultSession.requestPermission('media', APP_URL, microphone)).toBe(true);
    expect(session.defaultSession.requestPermission('media', 'https://evil.example/', microphone)).toBe(
      false,
    );
  });
});
