import { Alert, AlertTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { IpcFailure } from '../api/api-context';
import { errorMessage } from '../i18n';

/** Shows an IPC failure in the user's language; unknown errors get the generic message. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const text = error instanceof IpcFailure ? errorMessage(error.payload) : t('errors.INTERNAL');
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>{t('errors.title')}</AlertTitle>
      {text}
    </Alert>
  );
}
