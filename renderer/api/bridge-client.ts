import { buildKsefApi } from '../../shared/ipc/build-api';
import type { Channel, EventName } from '../../shared/ipc/contract';
import { fail, type Result } from '../../shared/ipc/result';
import type { KsefApi } from '../../shared/ipc/types';

const TOKEN_STORAGE_KEY = 'ksef-desk-bridge-token';

/** The bridge token arrives in the URL fragment (never sent over HTTP); keep it for reloads of this tab. */
export function takeBridgeToken(location: Location, storage: Storage): string | null {
  const match = /(?:^#|&)token=([0-9a-f]{64})/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_STORAGE_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
}

/** window.ksef for browser mode: the same contract over loopback HTTP. */
export function createBridgeApi(token: string): KsefApi {
  const headers = { 'content-type': 'application/json', 'x-ksef-desk-token': token };
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let streamStarted = false;

  async function invoke(channel: Channel, request: unknown): Promise<Result<unknown>> {
    try {
      const response = await fetch(`./ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(request),
      });
      if (response.status === 401) return fail('FORBIDDEN_SENDER');
      return (await response.json()) as Result<unknown>;
    } catch {
      return fail('INTERNAL', ['bridge unreachable']);
    }
  }

  async function runEventStream(): Promise<void> {
    for (;;) {
      try {
        const response = await fetch('./events', { headers: { 'x-ksef-desk-token': token } });
        const reader = response.body?.getReader();
        if (!reader) return;
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let boundary: number;
          while ((boundary = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, boundary);
            buffer = buffer.slice(boundary + 2);
            if (!frame.startsWith('data: ')) continue;
            const message = JSON.parse(frame.slice('data: '.length)) as { event: EventName; payload: unknown };
            listeners.get(message.event)?.forEach((listener) => listener(message.payload));
          }
        }
      } catch {
        // The bridge went away or restarted: retry after a pause.
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  return buildKsefApi({
    invoke,
    subscribe(event, listener) {
      if (!streamStarted) {
        streamStarted = true;
        void runEventStream();
      }
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
}
