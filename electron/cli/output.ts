import type { AppErrorPayload } from '../../shared/ipc/result';

export interface OutputOptions {
  json: boolean;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly code: string = 'CLI_ERROR',
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Machine-readable output goes to stdout only; everything for humans about failures to stderr. */
export function printResult(options: OutputOptions, value: unknown, human: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

export function printError(options: OutputOptions, error: unknown): number {
  const { message, code, exitCode } = describeError(error);
  process.stderr.write(options.json ? `${JSON.stringify({ error: { code, message } })}\n` : `Error: ${message}\n`);
  return exitCode;
}

export function appErrorToCliError(error: AppErrorPayload): CliError {
  const details = error.details?.length ? ` (${error.details.join('; ')})` : '';
  return new CliError(`${error.code}${details}`, error.code);
}

function describeError(error: unknown): { message: string; code: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, code: error.code, exitCode: error.exitCode };
  if (error instanceof Error) return { message: error.message, code: 'INTERNAL', exitCode: 1 };
  return { message: String(error), code: 'INTERNAL', exitCode: 1 };
}
