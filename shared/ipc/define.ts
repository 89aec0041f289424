import type { z } from 'zod';

/**
 * One channel of the contract: the zod schema that main uses to parse what the renderer sends,
 * and (as a type only) what a successful call returns.
 */
export interface ChannelSpec<Request extends z.ZodType, Response> {
  request: Request;
  /** Phantom field: carries the response type; there is no runtime value. */
  response?: Response;
}

/** `defineChannel(schema).returns<T>()` keeps request schema and response type side by side. */
export function defineChannel<Request extends z.ZodType>(request: Request) {
  return {
    returns<Response>(): ChannelSpec<Request, Response> {
      return { request };
    },
  };
}

/** A pushed event: main -> renderer. Only a type, checked at the call sites in main. */
export interface EventSpec<Payload> {
  payload?: Payload;
}

export function defineEvent<Payload>(): EventSpec<Payload> {
  return {};
}
