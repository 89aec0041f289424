import type { ErrorCode } from '../../../shared/ipc/result';

/**
 * An expected failure a service reports to its caller. The dispatcher turns it into a Result with
 * the same code; anything else thrown becomes INTERNAL and is logged without being shown.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: string[] = [],
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
