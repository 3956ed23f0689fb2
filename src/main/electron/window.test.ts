import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type BrowserWindow, app, fake, resetFakeElectron, screen } from './test-support/fake-electron';
import { rendererLocation } from './renderer-location';
import { createMainWindow, focusWindow } from './window';
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, placeWindow, readWindowState } from './window-state';

vi.mock('electron', () => import('./test-support/fake-electron'));

const renderer = rendererLocation({ indexHtmlPath: '/app/out/renderer/index.html' });

function openWindow(): BrowserWindow {
  const window = createMainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    renderer,
    windowStateFile: join(app.userDataDir, 'window-state.json'),
  });
  return window as unknown as BrowserWindow;
}

beforeEach(() => resetFakeElectron());

describe('main window', () => {
  it('is sandboxed and context-isolated, with the CommonJS preload and no Node in the page', () => {
    const window = openWindow();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('is titled Lift Tracker, at least 1024 × 700, and stays hidden until painted', () => {
    const window = openWindow();
    expect(window.options).toMatchObject({
      title: 'Lift Tracker',
      minWidth: 1024,
      minHeight: 700,
      show: false,
    });
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('loads the built index.html as a file URL', () => {
    expect(openWindow().loadedUrl).toBe('file:///app/out/renderer/index.html');
  });

  it('reopens where it was closed, maximized if it was', () => {
    const first = openWindow();
    first.bounds = { x: 300, y: 200, width: 1200, height: 800 };
    first.maximized = true;
    first.close();

    const second = openWindow();
    expect(second.options).toMatchObject({ x: 300, y: 200, width: 1200, height: 800 });
    second.emit('ready-to-show');
    expect(second.maximized).toBe(true);
    expect(readWindowState(join(app.userDataDir, 'window-state.json'))).toEqual({
      x: 300,
      y: 200,
      width: 1200,
      height: 800,
      maximized: true,
    });
  });

  it('comes back on screen when its saved monitor is gone', () => {
    screen.displays = [fake.display(0, 0, 1920, 1080), fake.display(1920, 0, 2560, 1440)];
    const first = openWindow();
    first.bounds = { x: 2500, y: 300, width: 1400, height: 900 };
    first.close();

    screen.displays = [fake.display(0, 0, 1920, 1080)];
    const second = openWindow();
    expect(second.options.x).toBeUndefined();
    expect(second.options.y).toBeUndefined();
    expect(second.options).toMatchObject({ width: 1280, height: 820 });
  });

  it('ignores a window-state file that is not ours', () => {
    writeFileSync(join(app.userDataDir, 'window-state.json'), '{"x": "left"}');
    expect(openWindow().options).toMatchObject({ width: 1280, height: 820 });
    expect(readFileSync(join(app.userDataDir, 'window-state.json'), 'utf8')).toBe('{"x": "left"}');
  });

  it('restores and focuses a minimized window', () => {
    const window = openWindow();
    window.minimized = true;
    focusWindow(window as never);
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
  });
});

describe('placeWindow', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1040 };
  const saved = { x: 100, y: 100, width: 1200, height: 800, maximized: false };

  it('keeps saved bounds that fit their display', () => {
    expect(placeWindow(saved, [primary], primary)).toEqual({ ...saved });
  });

  it('moves a window hanging off the right edge back onto the display', () => {
    expect(placeWindow({ ...saved, x: 1500 }, [primary], primary)).toMatchObject({ x: 720, y: 100 });
  });

  it('shrinks a window larger than a smaller display', () => {
    const laptop = { x: 0, y: 0, width: 1366, height: 728 };
    expect(placeWindow({ ...saved, width: 1900, height: 1000 }, [laptop], laptop)).toMatchObject({
      x: 0,
      width: 1366,
      height: 728,
    });
  });

  it('picks the display holding most of the title bar', () => {
    const right = { x: 1920, y: 0, width: 2560, height: 1400 };
    expect(placeWindow({ ...saved, x: 1800 }, [primary, right], primary)).toMatchObject({ x: 1920 });
  });

  it('falls back to a centred default on the primary display when nothing is saved', () => {
    expect(placeWindow(undefined, [primary], primary)).toEqual({
      width: 1280,
      height: 820,
      maximized: false,
    });
  });

  it('exports the minimum size the window enforces', () => {
    expect([MIN_WINDOW_WIDTH, MIN_WINDOW_HEIGHT]).toEqual([1024, 700]);
  });
});
