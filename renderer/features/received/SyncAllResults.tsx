import { Alert, AlertTitle, Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReceivedSyncAllResult } from '../../../shared/ipc/channels/received';
import { errorMessage } from '../../i18n';

/** The outcome of "fetch for every company": one line per company, what came in or why it could not. */
export function SyncAllResults({ results, names }: { results: readonly ReceivedSyncAllResult[]; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const failed = results.some((result) => result.error);
  const line = (result: ReceivedSyncAllResult) => {
    const who = names.get(result.companyNip) ? `${names.get(result.companyNip)} (NIP ${result.companyNip})` : `NIP ${result.companyNip}`;
    if (result.error === 'NOT_SIGNED_IN') return t('received.syncAll.noSession', { who });
    if (result.error) return t('received.syncAll.failed', { who, reason: errorMessage({ code: result.error }) });
    if (result.cancelled) return t('received.syncAll.cancelled', { who });
    return t('received.syncAll.fetched', { who, count: result.imported });
  };
  return (
    <Alert sx={{ mt: 1.5 }} severity={failed ? 'warning' : 'success'} data-testid="received-sync-all-outcome">
      <AlertTitle>{results.length === 0 ? t('received.syncAll.none') : t('received.syncAll.title')}</AlertTitle>
      {results.map((result) => (
        <Box key={result.companyNip} data-testid="received-sync-all-line">
          {line(result)}
        </Box>
      ))}
    </Alert>
  );
}
