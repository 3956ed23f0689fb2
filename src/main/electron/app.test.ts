import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ALREADY_OPEN_MESSAGE,
  BackendStartError,
  type BackendHandle,
  type BackendOptions,
} from '../backend/handle';
import { IPC } from '../../shared/contract/transport';
import { createShell, type ShellDeps } from './app';
import { deferred, fakeBackend, type FakeBackend } from './test-support/fake-backend';
import {
  BrowserWindow,
  app,
  dialog,
  fake,
  ipcMain,
  resetFakeElectron,
  session,
} from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

let backend: FakeBackend;
let startOptions: (BackendOptions & { migrationsDir: string }) | undefined;

function shellWith(overrides: Partial<ShellDeps> = {}) {
  return createShell({
    startBackend: async (options): Promise<BackendHandle> => {
      startOptions = options;
      fake.log.push('backend started');
      return backend;
    },
    preloadPath: '/app/out/preload/index.cjs',
    indexHtmlPath: '/app/out/renderer/index.html',
    resourcesPath: '/opt/Lift Tracker/resources',
    platform: 'linux',
    ...overrides,
  });
}

/** Lets the promise chain started by before-quit run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  resetFakeElectron();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  backend = fakeBackend(fake.log);
  startOptions = undefined;
});

describe('start-up', () => {
  it('starts the backend on the user-data folder before the window loads', async () => {
    await shellWith().start();
    expect(fake.log).toEqual([
      'backend started',
      'window created',
      'load file:///app/out/renderer/index.html',
    ]);
    expect(startOptions).toEqual({
      dataDir: app.userDataDir,
      resourcesDir: '/repo/resources',
      migrationsDir: '/repo/src/main/db/migrations',
      host: 'electron',
      version: '0.1.0',
      validateOutputs: true,
    });
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(ipcMain.handlers.has(IPC.call)).toBe(true);
    expect(session.defaultSession.headersListener).toBeDefined();
  });

  it('reads shipped data from beside app.asar when packaged', async () => {
    app.isPackaged = true;
    await shellWith().start();
    expect(startOptions).toMatchObject({
      resourcesDir: '/opt/Lift Tracker/resources',
      migrationsDir: '/opt/Lift Tracker/resources/migrations',
    });
  });

  it('loads the dev server in development, and never when packaged', async () => {
    await shellWith({ devServerUrl: 'http://localhost:5173' }).start();
    expect(BrowserWindow.instances[0]?.loadedUrl).toBe('http://localhost:5173');

    resetFakeElectron();
    app.isPackaged = true;
    await shellWith({ devServerUrl: 'http://localhost:5173' }).start();
    expect(BrowserWindow.instances[0]?.loadedUrl).toBe('file:///app/out/renderer/index.html');
  });

  it('shows the reason and quits when the data folder is already open elsewhere', async () => {
    const shell = shellWith({
      startBackend: () => Promise.reject(new BackendStartError('locked', ALREADY_OPEN_MESSAGE)),
    });
    await shell.start();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Lift Tracker could not start', ALREADY_OPEN_MESSAGE);
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(BrowserWindow.instances).toEqual([]);
  });

  it('explains an unexpected start-up failure without a stack trace', async () => {
    await shellWith({ startBackend: () => Promise.reject(new Error('WASM out of memory')) }).start();
    const [, content] = dialog.showErrorBox.mock.calls[0]!;
    expect(content).toContain('WASM out of memory');
    expect(content).not.toMatch(/\n\s+at /);
    expect(app.exited).toBe(true);
  });
});

describe('single instance', () => {
  it('quits at once, without touching the data folder, when another instance holds the lock', async () => {
    app.hasSingleInstanceLock = false;
    const startBackend = vi.fn();
    await shellWith({ startBackend }).start();
    expect(app.quit).toHaveBeenCalled();
    expect(startBackend).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toEqual([]);
  });

  it('brings the existing window forward when the app is launched again', async () => {
    const shell = shellWith();
    await shell.start();
    const window = BrowserWindow.instances[0]!;
    window.minimized = true;
    app.emit('second-instance', {}, ['lift-tracker'], '/home/coach');
    expect(window.calls).toContain('restore');
    expect(window.calls.at(-1)).toBe('focus');
    expect(shell.mainWindow()).toBe(window);
  });
});

describe('quitting', () => {
  it('waits for the database to close before the app exits', async () => {
    const gate = deferred();
    backend.stopGate = gate.promise;
    await shellWith().start();

    app.quit();
    await settle();
    expect(fake.log.slice(-2)).toEqual(['app.quit', 'backend.stop started']);
    expect(app.exited).toBe(false);

    gate.resolve();
    await settle();
    expect(backend.stopped).toBe(true);
    expect(app.exited).toBe(true);
    expect(fake.log.slice(-4)).toEqual(['backend.stop started', 'backend stopped', 'app.quit', 'app exited']);
    expect(ipcMain.handlers.has(IPC.call)).toBe(false);
  });

  it('stops the backend once however often quit is asked for', async () => {
    const gate = deferred();
    backend.stopGate = gate.promise;
    const stop = vi.spyOn(backend, 'stop');
    await shellWith().start();
    app.quit();
    app.quit();
    gate.resolve();
    await settle();
    expect(stop).toHaveBeenCalledTimes(1);
    expect(app.exited).toBe(true);
  });

  it('quits when the last window closes (except on macOS), through the same sequence', async () => {
    await shellWith().start();
    BrowserWindow.instances[0]!.close();
    await settle();
    expect(backend.stopped).toBe(true);
    expect(app.exited).toBe(true);
  });

  it('keeps running on macOS when the window closes, and reopens it on activate', async () => {
    await shellWith({ platform: 'darwin' }).start();
    BrowserWindow.instances[0]!.close();
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('activate');
    expect(BrowserWindow.instances).toHaveLength(2);
  });

  it('still exits when the database does not close in time', async () => {
    backend.stopGate = new Promise(() => undefined);
    await shellWith({ stopTimeoutMs: 5 }).start();
    app.quit();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(app.exited).toBe(true);
  });

  it('shows workout reminders as desktop notifications', async () => {
    await shellWith().start();
    backend.emit({
      name: 'reminder',
      payload: {
        scheduledWorkoutId: '01890000-0000-7000-8000-000000000001',
        athleteId: '01890000-0000-7000-8000-000000000002',
        athleteName: 'Ada',
        templateName: 'Upper A',
        startsAt: '2026-03-02T17:00:00.000Z',
        date: '2026-03-02',
        startTime: '17:00',
        title: 'Ada: Upper A at 17:00',
        body: 'Starts in 2 hours.',
      },
    });
    expect(fake.log).toContain('notification: Ada: Upper A at 17:00');
  });

  it('forwards backend events to the window until it quits', async () => {
    await shellWith().start();
    const window = BrowserWindow.instances[0]!;
    backend.emit({ name: 'changed', payload: { tables: ['athlete'] } });
    expect(window.webContents.sent).toHaveLength(1);
    app.quit();
    await settle();
    expect(backend.listeners.size).toBe(0);
  });
});
