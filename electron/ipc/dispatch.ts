import { contract, isChannel, MAX_IPC_PAYLOAD_BYTES } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/ipc/result';
import { isAppError } from '../services/errors/app-error';
import type { Handlers } from './handlers';

export type Logger = (message: string) => void;

/**
 * The single entry point for every renderer call, whatever the shell: refuse unknown channels,
 * parse the payload with the channel's zod schema (a malformed payload never reaches the service),
 * call the handler and wrap the outcome in a Result.
 */
export function createDispatcher(handlers: Handlers, log: Logger = () => undefined) {
  return async function dispatch(channel: string, payload: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL');
    if (!isWithinSizeLimit(payload)) return fail('INVALID_INPUT', ['payload too large']);
    const parsed = contract[channel].request.safeParse(payload ?? {});
    if (!parsed.success) {
      return fail(
        'INVALID_INPUT',
        parsed.error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
      );
    }
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (isAppError(error)) return fail(error.code, error.details);
      log(`ipc ${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
      return fail('INTERNAL');
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

function isWithinSizeLimit(payload: unknown): boolean {
  try {
    return JSON.stringify(payload ?? {}).length <= MAX_IPC_PAYLOAD_BYTES;
  } catch {
    return false; // cycles or BigInt: not a payload the contract can describe
  }
}
