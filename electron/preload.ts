// Builds window.ksef from the IPC contract. No logic, no secrets, no raw ipcRenderer exposed.
import { contextBridge, ipcRenderer } from 'electron';
import { buildKsefApi } from '../shared/ipc/build-api';
import { EVENT_CHANNEL, isEventName, type EventName } from '../shared/ipc/contract';
import type { Result } from '../shared/ipc/result';

const api = buildKsefApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>,
  subscribe: (event: EventName, listener) => {
    const forward = (_event: unknown, name: unknown, payload: unknown) => {
      if (isEventName(name) && name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  },
});

contextBridge.exposeInMainWorld('ksef', api);
