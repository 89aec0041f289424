import i18next from 'i18next';
import { IpcFailure } from '../api/api-context';
import { errorMessage } from '../i18n';

/** The user's-language text of any failure (shown in place, e.g. under a field). */
export function errorText(error: unknown): string {
  return error instanceof IpcFailure ? errorMessage(error.payload) : i18next.t('errors.INTERNAL');
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof IpcFailure ? error.payload.code : undefined;
}
