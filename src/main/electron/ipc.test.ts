import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/contract';
import { IPC } from '../../shared/contract/transport';
import { forwardBackendEvents, registerIpcRelay } from './ipc';
import { rendererLocation } from './renderer-location';
import { fakeBackend, type FakeBackend } from './test-support/fake-backend';
import {
  BrowserWindow,
  FakeWebContents,
  FakeWebFrame,
  ipcMain,
  resetFakeElectron,
} from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

const APP_URL = 'file:///app/out/renderer/index.html';
const renderer = rendererLocation({ indexHtmlPath: '/app/out/renderer/index.html' });

let backend: FakeBackend;
let window: BrowserWindow;

function relay(): void {
  registerIpcRelay({ backend, getWindow: () => window as never, isAppUrl: renderer.isAppUrl });
}
/** A call as our page's main frame makes it. */
function callFromApp(channel: unknown, input: unknown): Promise<unknown> {
  return ipcMain.invoke(
    IPC.call,
    { sender: window.webContents, senderFrame: window.webContents.mainFrame },
    channel,
    input,
  );
}

beforeEach(async () => {
  resetFakeElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  backend = fakeBackend();
  window = new BrowserWindow({ width: 1280, height: 820 });
  await window.loadURL(`${APP_URL}#/dashboard`);
});

describe('IPC relay', () => {
  it("relays a call from the app page's main frame to the backend", async () => {
    relay();
    const result = await callFromApp('exercises.search', { query: 'bench' });
    expect(backend.calls).toEqual([{ channel: 'exercises.search', input: { query: 'bench' } }]);
    expect(result).toEqual({ ok: true, data: { channel: 'exercises.search', input: { query: 'bench' } } });
  });

  it('relays every channel in the contract', async () => {
    relay();
    for (const channel of CHANNEL_NAMES) {
      await expect(callFromApp(channel, { probe: channel })).resolves.toMatchObject({ ok: true });
    }
    expect(backend.calls.map((call) => call.channel)).toEqual(CHANNEL_NAMES);
  });

  it('refuses a call from an iframe inside the window', async () => {
    relay();
    const iframe = new FakeWebFrame(APP_URL, window.webContents.mainFrame);
    const result = await ipcMain.invoke(
      IPC.call,
      { sender: window.webContents, senderFrame: iframe },
      'exercises.search',
      {},
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(backend.calls).toEqual([]);
  });

  it('refuses a call after the window was navigated to a foreign page', async () => {
    relay();
    window.webContents.mainFrame.url = 'https://evil.example/';
    await expect(callFromApp('exercises.search', {})).resolves.toMatchObject({ ok: false });
    expect(backend.calls).toEqual([]);
  });

  it('refuses a call from another web contents, even one showing the app page', async () => {
    relay();
    const other = new FakeWebContents();
    other.mainFrame.url = APP_URL;
    const result = await ipcMain.invoke(
      IPC.call,
      { sender: other, senderFrame: other.mainFrame },
      'exercises.search',
      {},
    );
    expect(result).toMatchObject({ ok: false });
    expect(backend.calls).toEqual([]);
  });

  it('refuses a call whose frame is gone', async () => {
    relay();
    const result = await ipcMain.invoke(
      IPC.call,
      { sender: window.webContents, senderFrame: null },
      'exercises.search',
      {},
    );
    expect(result).toMatchObject({ ok: false });
  });

  it('refuses a call once the window is closed', async () => {
    relay();
    const { webContents } = window;
    window.close();
    const result = await ipcMain.invoke(
      IPC.call,
      { sender: webContents, senderFrame: webContents.mainFrame },
      'exercises.search',
      {},
    );
    expect(result).toMatchObject({ ok: false });
    expect(backend.calls).toEqual([]);
  });

  it('rejects a channel the contract does not have, without calling the backend', async () => {
    relay();
    await expect(callFromApp('db.exec', 'DROP TABLE athlete')).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await expect(callFromApp('__proto__', {})).resolves.toMatchObject({ ok: false });
    expect(backend.calls).toEqual([]);
  });

  it('answers unavailable when the backend throws instead of answering', async () => {
    backend.call = () => Promise.reject(new Error('worker exited'));
    relay();
    await expect(callFromApp('exercises.search', {})).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'The Lift Tracker database is not available' },
    });
  });

  it('can be removed', () => {
    const remove = registerIpcRelay({ backend, getWindow: () => null, isAppUrl: renderer.isAppUrl });
    remove();
    expect(ipcMain.handlers.has(IPC.call)).toBe(false);
  });
});

describe('backend events', () => {
  it('are forwarded to the window', () => {
    forwardBackendEvents(backend, () => window as never);
    backend.emit({ name: 'changed', payload: { tables: ['athlete'] } });
    expect(window.webContents.sent).toEqual([
      { channel: IPC.event, args: [{ name: 'changed', payload: { tables: ['athlete'] } }] },
    ]);
  });

  it('are dropped while there is no window, and stop when unsubscribed', () => {
    let current: BrowserWindow | null = null;
    const stop = forwardBackendEvents(backend, () => current as never);
    backend.emit({ name: 'changed', payload: { tables: ['athlete'] } });
    current = window;
    stop();
    backend.emit({ name: 'changed', payload: { tables: ['athlete'] } });
    expect(window.webContents.sent).toEqual([]);
  });
});
