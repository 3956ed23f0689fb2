/**
 * The main window: sandboxed, context-isolated, shown once painted, opened where it was last left.
 */
import { BrowserWindow, screen, type WebPreferences } from 'electron';
import type { RendererLocation } from './renderer-location';
import {
  MIN_WINDOW_HEIGHT,
  MIN_WINDOW_WIDTH,
  placeWindow,
  readWindowState,
  writeWindowState,
} from './window-state';

export interface MainWindowOptions {
  /** The built preload (out/preload/index.cjs): CommonJS, because sandboxed preloads cannot be ESM. */
  preloadPath: string;
  renderer: RendererLocation;
  /** JSON file in the data folder remembering the window's bounds. */
  windowStateFile: string;
  /** Window icon for development on Linux and Windows (packaged builds take it from the installer). */
  iconPath?: string;
}

export function mainWindowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    // Stops a page from running <webview> or spellcheck-dictionary downloads from Google.
    webviewTag: false,
    spellcheck: false,
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const placement = placeWindow(
    readWindowState(options.windowStateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );

  const window = new BrowserWindow({
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title: 'Lift Tracker',
    show: false,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: mainWindowWebPreferences(options.preloadPath),
  });

  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    writeWindowState(options.windowStateFile, {
      ...window.getNormalBounds(),
      maximized: window.isMaximized(),
    });
  });

  window.loadURL(options.renderer.url).catch((error: unknown) => {
    console.error(`Could not load ${options.renderer.url}:`, error);
  });
  return window;
}

/** Bring the window to the front (a second launch, or a click on the dock icon). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
