import type { Channel, EventName } from '../../shared/ipc/contract';
import type { EventPayloadOf, ParsedRequestOf, ResponseOf } from '../../shared/ipc/types';

/** One handler per contract channel; the compiler refuses a missing or extra one. */
export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;
};

export type EventListener = (event: EventName, payload: unknown) => void;

/** Main -> renderer events: services publish, each shell (Electron window, bridge) subscribes. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  publish<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
