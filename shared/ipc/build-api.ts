import { CHANNELS, type Channel, type EventName } from './contract';
import type { Result } from './result';
import { splitChannel, type KsefApi } from './types';

export interface ApiTransport {
  invoke(channel: Channel, request: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the `window.ksef` object from the contract over any transport (Electron ipcRenderer or
 * the loopback bridge), so both shells expose exactly the same channels and nothing else.
 */
export function buildKsefApi(transport: ApiTransport): KsefApi {
  const api: Record<string, Record<string, (request: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNELS) {
    const { domain, action } = splitChannel(channel);
    const domainApi = (api[domain] ??= {});
    domainApi[action] = (request: unknown) => transport.invoke(channel, request ?? {});
  }
  const events = {
    on: (event: EventName, listener: (payload: unknown) => void) => transport.subscribe(event, listener),
  };
  return { ...api, events } as unknown as KsefApi;
}
