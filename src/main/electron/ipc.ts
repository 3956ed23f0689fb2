/**
 * The IPC relay: one `invoke` channel carries every contract call from the app's own page to the
 * backend worker, and one `send` channel pushes the backend's events back. The shell knows the
 * channel names only through the contract and never looks inside an input: the worker validates it.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { isChannelName } from '../../shared/contract';
import { IPC, type CallResult } from '../../shared/contract/transport';
import type { BackendHandle } from '../backend/handle';

export interface IpcRelayOptions {
  backend: BackendHandle;
  /** The window whose main frame may call; null while there is none. */
  getWindow(): BrowserWindow | null;
  isAppUrl(url: string): boolean;
}

/**
 * Only the main frame of our window, showing our own page, may call the backend: not an iframe,
 * not another web contents, not a page the window was somehow navigated to.
 */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  window: BrowserWindow | null,
  isAppUrl: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || !frame) return false;
  const contents = window.webContents;
  if (event.sender !== contents) return false;
  const mainFrame = contents.mainFrame;
  const isMainFrame =
    frame.parent === null &&
    frame.processId === mainFrame.processId &&
    frame.routingId === mainFrame.routingId;
  return isMainFrame && isAppUrl(frame.url);
}

/** Registers the relay; returns the function that removes it. */
export function registerIpcRelay(options: IpcRelayOptions): () => void {
  ipcMain.handle(IPC.call, async (event, channel: unknown, input: unknown): Promise<CallResult<unknown>> => {
    if (!isTrustedSender(event, options.getWindow(), options.isAppUrl)) {
      console.warn(`Refused a backend call from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return { ok: false, error: { code: 'internal', message: 'This page may not call Lift Tracker' } };
    }
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'invalid_input', message: `Unknown channel: ${String(channel)}` } };
    }
    try {
      return await options.backend.call(channel, input);
    } catch (error) {
      console.error(`Backend call ${channel} failed:`, error);
      return {
        ok: false,
        error: { code: 'unavailable', message: 'The Lift Tracker database is not available' },
      };
    }
  });
  return () => ipcMain.removeHandler(IPC.call);
}

/** Pushes every backend event to the window; returns the function that stops it. */
export function forwardBackendEvents(
  backend: BackendHandle,
  getWindow: () => BrowserWindow | null,
): () => void {
  return backend.subscribe((event) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(IPC.event, event);
  });
}
