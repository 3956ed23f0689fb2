/**
 * A stand-in for the 'electron' module (the Electron binary cannot be downloaded here), with just
 * the surface the shell and the preload use and handles for tests to drive it. Wire it with
 *   vi.mock('electron', () => import('./test-support/fake-electron'));
 * and call `resetFakeElectron()` before each test: the exported objects keep their identity (the
 * code under test imported them once) and only their state is reset.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}
export function fakeEvent<T extends object>(fields: T = {} as T): T & FakeEvent {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

let nextId = 1;

export class FakeWebFrame {
  readonly processId: number;
  readonly routingId: number;
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
  ) {
    this.processId = 1;
    this.routingId = nextId++;
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new FakeWebFrame('about:blank');
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: WindowOpenHandler | undefined;
  destroyed = false;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Emits will-navigate as Electron would; returns whether the navigation was prevented. */
  navigate(url: string): boolean {
    const event = fakeEvent({ url });
    this.emit('will-navigate', event, url);
    if (!event.defaultPrevented) this.mainFrame.url = url;
    return event.defaultPrevented;
  }
  /** Calls the window-open handler as a page's window.open(url) would. */
  openWindow(url: string): { action: 'allow' | 'deny' } {
    if (!this.windowOpenHandler) return { action: 'allow' };
    return this.windowOpenHandler({ url });
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((window) => !window.destroyed);
  }

  readonly webContents = new FakeWebContents();
  readonly calls: string[] = [];
  loadedUrl: string | undefined;
  visible = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  bounds: { x: number; y: number; width: number; height: number };

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    this.bounds = {
      x: (options.x as number | undefined) ?? 100,
      y: (options.y as number | undefined) ?? 100,
      width: options.width as number,
      height: options.height as number,
    };
    BrowserWindow.instances.push(this);
    fake.log.push('window created');
    // Electron creates the web contents with the window; the guards see it here.
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    fake.log.push(`load ${url}`);
  }
  show(): void {
    this.visible = true;
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
  restore(): void {
    this.minimized = false;
    this.calls.push('restore');
  }
  maximize(): void {
    this.maximized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  close(): void {
    this.emit('close', fakeEvent());
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    // Like Electron: not emitted while the app itself is closing the windows to quit.
    if (BrowserWindow.getAllWindows().length === 0 && !app.closingWindowsToQuit)
      app.emit('window-all-closed');
  }
}

/** Like Electron's: `show()` puts it on screen (logged); `click()` does what the user's click would. */
export class Notification extends EventEmitter {
  static supported = true;
  static readonly instances: Notification[] = [];
  static isSupported(): boolean {
    return Notification.supported;
  }

  shown = false;
  constructor(readonly options: { title?: string; body?: string }) {
    super();
    Notification.instances.push(this);
  }
  show(): void {
    this.shown = true;
    fake.log.push(`notification: ${this.options.title ?? ''}`);
  }
  click(): void {
    this.emit('click', fakeEvent());
  }
  close(): void {
    this.emit('close', fakeEvent());
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  hasSingleInstanceLock = true;
  userDataDir = '';
  exitCode: number | undefined;
  exited = false;
  closingWindowsToQuit = false;
  requestSingleInstanceLock = vi.fn(() => this.hasSingleInstanceLock);
  enableSandbox = vi.fn();
  setAppUserModelId = vi.fn();
  /** Like Electron: before-quit (preventable), then the windows close and the app exits. */
  quit = vi.fn(() => {
    fake.log.push('app.quit');
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.closingWindowsToQuit = true;
    for (const window of BrowserWindow.getAllWindows()) window.close();
    this.emit('will-quit', fakeEvent());
    this.exited = true;
    this.exitCode = 0;
    fake.log.push('app exited');
  });
  exit = vi.fn((code = 0) => {
    fake.log.push(`app.exit ${code}`);
    this.exited = true;
    this.exitCode = code;
  });
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake app.getPath: ${name} not faked`);
    return this.userDataDir;
  }
  getAppPath(): string {
    return '/repo';
  }
  getVersion(): string {
    return '0.1.0';
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke would do, with the sender and frame the test chooses. */
  async invoke(
    channel: string,
    sender: { sender: FakeWebContents; senderFrame: FakeWebFrame | null },
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ ...sender, processId: 1, frameId: sender.senderFrame?.routingId ?? 0 }, ...args);
  }
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;
class FakeSession {
  headersListener: HeadersListener | undefined;
  permissionRequestHandler: ((...args: unknown[]) => void) | undefined;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | undefined;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: (...args: unknown[]) => void): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }
  /** Runs the response-headers listener as Chromium would; returns the headers it produced. */
  respond(url: string, responseHeaders: Record<string, string[]> = {}): Record<string, string[]> | undefined {
    let result: Record<string, string[]> | undefined;
    this.headersListener?.({ url, responseHeaders }, (response) => {
      result = response.responseHeaders;
    });
    return result;
  }
  /**
   * Asks the request handler as a page's getUserMedia/Notification.requestPermission would;
   * `details` adds what Electron sends for that kind of request (getUserMedia: `mediaTypes`).
   */
  requestPermission(
    permission: string,
    requestingUrl: string,
    details: Record<string, unknown> = {},
  ): boolean | undefined {
    let granted: boolean | undefined;
    this.permissionRequestHandler?.(
      {},
      permission,
      (answer: boolean) => {
        granted = answer;
      },
      { requestingUrl, isMainFrame: true, ...details },
    );
    return granted;
  }
  /** `details` as for requestPermission (a media check: `mediaType`). */
  checkPermission(
    permission: string,
    requestingUrl: string,
    details: Record<string, unknown> = {},
  ): boolean | undefined {
    return this.permissionCheckHandler?.({}, permission, new URL(requestingUrl).origin, {
      requestingUrl,
      isMainFrame: true,
      ...details,
    });
  }
}

const display = (x: number, y: number, width: number, height: number) => ({
  id: nextId++,
  bounds: { x, y, width, height },
  workArea: { x, y, width, height: height - 40 },
});

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const dialog = {
  showErrorBox: vi.fn(
    (title: string, content: string) => void fake.log.push(`error box: ${title}: ${content}`),
  ),
};
export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
export const session = { defaultSession: new FakeSession() };
export const screen = {
  displays: [display(0, 0, 1920, 1080)],
  getAllDisplays() {
    return this.displays;
  },
  getPrimaryDisplay() {
    return this.displays[0]!;
  },
};
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => void contextBridge.exposed.set(key, api)),
};
class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({
    ok: true,
    data: null,
  }));
}
export const ipcRenderer = new FakeIpcRenderer();

/** Handles for tests: an ordered log of what happened, and the reset between tests. */
export const fake = {
  log: [] as string[],
  display,
};

export function resetFakeElectron(): void {
  fake.log.length = 0;
  for (const emitter of [app, ipcMain, ipcRenderer]) emitter.removeAllListeners();
  app.isPackaged = false;
  app.hasSingleInstanceLock = true;
  app.exitCode = undefined;
  app.exited = false;
  app.closingWindowsToQuit = false;
  if (app.userDataDir) rmSync(app.userDataDir, { recursive: true, force: true });
  app.userDataDir = mkdtempSync(join(tmpdir(), 'lift-tracker-shell-'));
  ipcMain.handlers.clear();
  BrowserWindow.instances.length = 0;
  Notification.instances.length = 0;
  Notification.supported = true;
  session.defaultSession = new FakeSession();
  screen.displays = [display(0, 0, 1920, 1080)];
  contextBridge.exposed.clear();
  vi.clearAllMocks();
}

export default {
  app,
  BrowserWindow,
  Notification,
  ipcMain,
  dialog,
  shell,
  session,
  screen,
  contextBridge,
  ipcRenderer,
};
