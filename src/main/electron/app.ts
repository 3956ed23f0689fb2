/**
 * The shell's lifecycle: one instance per user, the backend up before the window loads, and the
 * database closed (awaited) before the process ends. index.ts builds this with the real backend;
 * tests drive it against a fake 'electron' and a fake backend.
 */
import { app, dialog, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { BackendStartError, type BackendHandle, type BackendOptions } from '../backend/handle';
import { resolveAppPaths } from '../paths';
import { buildContentSecurityPolicy } from '../security/csp';
import { forwardBackendEvents, registerIpcRelay } from './ipc';
import { showReminderNotifications } from './notifications';
import { rendererLocation } from './renderer-location';
import { applySessionSecurity, installNavigationGuards } from './security';
import { createMainWindow, focusWindow } from './window';
import { WINDOW_STATE_FILE } from './window-state';

export const APP_USER_MODEL_ID = 'app.lifttracker.desktop';
/** How long quitting waits for the database to close before giving up on it. */
const DEFAULT_STOP_TIMEOUT_MS = 15_000;

export interface ShellDeps {
  startBackend(
    options: BackendOptions & { migrationsDir: string; validateOutputs?: boolean },
  ): Promise<BackendHandle>;
  /** out/preload/index.cjs */
  preloadPath: string;
  /** out/renderer/index.html */
  indexHtmlPath: string;
  /** electron-vite's ELECTRON_RENDERER_URL, in development only. */
  devServerUrl?: string;
  /** Electron's process.resourcesPath (where extraResources land in a packaged app). */
  resourcesPath: string;
  platform?: NodeJS.Platform;
  stopTimeoutMs?: number;
}

export interface Shell {
  /** Runs the start-up sequence; resolves once the window is loading (or the app is quitting). */
  start(): Promise<void>;
  mainWindow(): BrowserWindow | null;
}

export function createShell(deps: ShellDeps): Shell {
  const platform = deps.platform ?? process.platform;
  const devServerUrl = app.isPackaged ? undefined : deps.devServerUrl;
  const renderer = rendererLocation({ devServerUrl, indexHtmlPath: deps.indexHtmlPath });
  const securityOptions = {
    contentSecurityPolicy: buildContentSecurityPolicy(),
    isAppUrl: renderer.isAppUrl,
  };

  let window: BrowserWindow | null = null;
  let backend: BackendHandle | null = null;
  let backendState: 'none' | 'running' | 'stopping' | 'stopped' = 'none';
  const disposers: (() => void)[] = [];
  const getWindow = (): BrowserWindow | null => (window && !window.isDestroyed() ? window : null);

  function openWindow(): void {
    const appPath = app.getAppPath();
    window = createMainWindow({
      preloadPath: deps.preloadPath,
      renderer,
      windowStateFile: join(app.getPath('userData'), WINDOW_STATE_FILE),
      iconPath: app.isPackaged ? undefined : join(appPath, 'resources', 'icon.png'),
    });
    window.on('closed', () => {
      window = null;
    });
  }

  async function stopBackend(): Promise<void> {
    for (const dispose of disposers.splice(0)) dispose();
    if (!backend) return;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        console.error('The database did not close in time; quitting anyway.');
        resolve();
      }, deps.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS);
    });
    try {
      await Promise.race([backend.stop(), deadline]);
    } catch (error) {
      console.error('Stopping the backend failed:', error);
    } finally {
      clearTimeout(timer);
    }
  }

  // Quitting waits for the database to close: hold the first quit, stop the backend, quit again.
  function onBeforeQuit(event: Electron.Event): void {
    if (backendState === 'none' || backendState === 'stopped') return;
    event.preventDefault();
    if (backendState === 'stopping') return;
    backendState = 'stopping';
    void stopBackend().then(() => {
      backendState = 'stopped';
      app.quit();
    });
  }

  function showStartupError(error: unknown): void {
    console.error('The backend did not start:', error);
    const detail =
      error instanceof BackendStartError
        ? error.message
        : `Something went wrong while opening the database.\n\n${error instanceof Error ? error.message : String(error)}`;
    dialog.showErrorBox('Lift Tracker could not start', detail);
  }

  async function start(): Promise<void> {
    // Electron's lock keeps a second launch from opening the same data folder; the backend's own
    // lock file covers other processes (the web host) on that folder.
    if (!app.requestSingleInstanceLock()) {
      app.quit();
      return;
    }
    app.enableSandbox();
    if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

    app.on('second-instance', () => {
      const current = getWindow();
      if (current) focusWindow(current);
    });
    app.on('before-quit', onBeforeQuit);
    app.on('window-all-closed', () => {
      if (platform !== 'darwin') app.quit();
    });
    app.on('activate', () => {
      if (!getWindow() && backendState === 'running') openWindow();
    });
    installNavigationGuards(app, securityOptions);

    await app.whenReady();
    applySessionSecurity(session.defaultSession, securityOptions);

    const paths = resolveAppPaths({
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      resourcesPath: deps.resourcesPath,
    });
    try {
      backend = await deps.startBackend({
        dataDir: app.getPath('userData'),
        resourcesDir: paths.resourcesDir,
        migrationsDir: paths.migrationsDir,
        host: 'electron',
        version: app.getVersion(),
        // Every output is checked against the contract in development; a packaged app trusts it.
        validateOutputs: !app.isPackaged,
      });
    } catch (error) {
      showStartupError(error);
      app.exit(1);
      return;
    }
    backendState = 'running';
    disposers.push(registerIpcRelay({ backend, getWindow, isAppUrl: renderer.isAppUrl }));
    disposers.push(forwardBackendEvents(backend, getWindow));
    disposers.push(showReminderNotifications(backend, getWindow));
    openWindow();
  }

  return { start, mainWindow: getWindow };
}

/** Ctrl-C in a terminal or a session manager's SIGTERM quit through the same sequence. */
export function quitOnTerminationSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());
}
