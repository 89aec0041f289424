import type { z } from 'zod';
import type { Channel, Contract, EventName, events } from './contract';
import type { Result } from './result';

/** What the renderer sends (before defaults are applied). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What a main-side handler receives after zod parsing. */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = NonNullable<Contract[C]['response']>;
export type EventPayloadOf<E extends EventName> = NonNullable<(typeof events)[E]['payload']>;

type DomainOf<C extends string> = C extends `${infer Domain}:${string}` ? Domain : never;
type ActionOf<C extends string, Domain extends string> = C extends `${Domain}:${infer Action}` ? Action : never;

/**
 * `window.ksef`: a narrow domain API (`ksef.settings.get({})`) derived from the contract.
 * The same shape is built by the Electron preload and by the browser-bridge client.
 */
export type KsefApi = {
  [Domain in DomainOf<Channel>]: {
    [Action in ActionOf<Channel, Domain>]: `${Domain}:${Action}` extends infer C extends Channel
      ? (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
      : never;
  };
} & {
  events: {
    on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
  };
};

/** Splits `domain:action` so both preload and bridge client can build the nested API object. */
export function splitChannel(channel: Channel): { domain: string; action: string } {
  const separator = channel.indexOf(':');
  return { domain: channel.slice(0, separator), action: channel.slice(separator + 1) };
}
