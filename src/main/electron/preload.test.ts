import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendEvent } from '../../shared/contract/events';
import { IPC, type Transport } from '../../shared/contract/transport';
import { contextBridge, ipcRenderer } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

let bridge: Transport;

beforeAll(async () => {
  await import('../../preload/index');
  bridge = contextBridge.exposed.get('liftTracker') as Transport;
});
beforeEach(() => {
  ipcRenderer.invoke.mockClear();
  ipcRenderer.removeAllListeners();
});

describe('preload bridge', () => {
  it('exposes window.liftTracker with call and subscribe, and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['liftTracker']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'subscribe']);
  });

  it('invokes the relay channel for a contract channel', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, data: [] });
    await expect(bridge.call('exercises.search', { query: 'squat' } as never)).resolves.toEqual({
      ok: true,
      data: [],
    });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC.call, 'exercises.search', { query: 'squat' });
  });

  it('refuses a channel the contract does not have, without sending it', async () => {
    const result = await bridge.call('db.exec' as never, 'DROP TABLE athlete' as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('passes backend events to a subscriber without the IPC event object, until unsubscribed', () => {
    const received: unknown[] = [];
    const unsubscribe = bridge.subscribe((event) => received.push(event));
    const event: BackendEvent = { name: 'changed', payload: { tables: ['exercise'] } };
    ipcRenderer.emit(IPC.event, { sender: ipcRenderer }, event);
    unsubscribe();
    ipcRenderer.emit(IPC.event, { sender: ipcRenderer }, event);
    expect(received).toEqual([event]);
    expect(ipcRenderer.listenerCount(IPC.event)).toBe(0);
  });
});
