/**
 * The preload bridge: exposes `window.liftTracker` with `call` and `subscribe`, and nothing else
 * (never ipcRenderer itself). Runs sandboxed, so it is bundled as CommonJS with its imports inlined.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannelName } from '../shared/contract';
import type { BackendEvent } from '../shared/contract/events';
import { IPC, type CallResult, type Transport } from '../shared/contract/transport';

const bridge: Transport = {
  call(channel, input) {
    // The shell and the worker check again; refusing here keeps a typo from reaching the main process.
    if (!isChannelName(channel)) {
      const refused: CallResult<never> = {
        ok: false,
        error: { code: 'invalid_input', message: `Unknown channel: ${String(channel)}` },
      };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(IPC.call, channel, input);
  },
  subscribe(listener) {
    // The IPC event object (with its sender) stays here; the page receives only the payload.
    const onEvent = (_event: IpcRendererEvent, backendEvent: BackendEvent): void => listener(backendEvent);
    ipcRenderer.on(IPC.event, onEvent);
    return () => {
      ipcRenderer.removeListener(IPC.event, onEvent);
    };
  },
};

contextBridge.exposeInMainWorld('liftTracker', bridge);
