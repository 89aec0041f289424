import CloudDownloadOutlinedIcon from '@mui/icons-material/CloudDownloadOutlined';
import CloudSyncOutlinedIcon from '@mui/icons-material/CloudSyncOutlined';
import { Alert, Box, Button, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReceivedSubject } from '../../../shared/ipc/channels/received';
import { useAuthStatus, useCompanies } from '../../api/account-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorMessage } from '../../i18n';
import { useReceivedMutations, useSyncEvents, useSyncState } from './received-queries';
import { SyncAllResults } from './SyncAllResults';

/** "Fetch from KSeF" for the signed-in company: live progress (counts, phase, time left), cancel, last outcome. */
export function SyncPanel({ subject }: { subject: ReceivedSubject }) {
  const { t, i18n } = useTranslation();
  const auth = useAuthStatus().data;
  const state = useSyncState().data;
  const outcome = useSyncEvents();
  const { sync, syncAll, cancelSync } = useReceivedMutations();
  const companies = useCompanies().data?.companies ?? [];
  const names = new Map(companies.map((company) => [company.nip, company.name]));
  const running = state?.running ?? null;
  const nip = auth?.session?.contextNip ?? null;
  const last = nip ? state?.last.find((entry) => entry.companyNip === nip && entry.subject === subject) : undefined;
  const lastWhen = last ? new Date(last.finishedAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'pl-PL') : null;

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="received-sync">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
        <Box sx={{ flex: 1 }}>
          {running ? (
            <>
              <Typography variant="body2" data-testid="received-sync-progress">
                {t('received.sync.running', { nip: running.companyNip, phase: t(`received.sync.phase.${running.phase}`) })} ·{' '}
                {t('received.sync.counts', { imported: running.imported, processed: running.processed })}
                {running.etaSeconds ? ` · ${t('received.sync.eta', { seconds: running.etaSeconds })}` : ''}
              </Typography>
              <LinearProgress
                sx={{ mt: 1 }}
                variant={running.expected ? 'determinate' : 'indeterminate'}
                value={running.expected ? Math.min(100, (100 * running.processed) / running.expected) : 0}
              />
            </>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {nip ? (lastWhen ? t('received.sync.last', { when: lastWhen }) : t('received.sync.never')) : t('received.sync.signInFirst')} {nip ? t('received.sync.schedule') : ''}
            </Typography>
          )}
        </Box>
        {running ? (
          <Button color="warning" variant="outlined" onClick={() => cancelSync.mutate()} data-testid="received-sync-cancel">
            {t('received.sync.cancel')}
          </Button>
        ) : (
          <Stack direction="row" spacing={1}>
            {companies.length > 1 ? (
              <Button variant="outlined" startIcon={<CloudSyncOutlinedIcon />} disabled={syncAll.isPending} onClick={() => syncAll.mutate({ subject })} data-testid="received-sync-all">
                {t('received.syncAll.button')}
              </Button>
            ) : null}
            <Button variant="contained" startIcon={<CloudDownloadOutlinedIcon />} disabled={!nip || sync.isPending || syncAll.isPending} onClick={() => sync.mutate({ subject })} data-testid="received-sync-now">
              {t('received.sync.now')}
            </Button>
          </Stack>
        )}
      </Stack>
      {syncAll.data && !running && !syncAll.isPending ? <SyncAllResults results={syncAll.data} names={names} /> : null}
      {syncAll.isError ? <ErrorAlert error={syncAll.error} /> : null}
      {outcome && !running && !syncAll.data ? (
        <Alert sx={{ mt: 1.5 }} severity={outcome.error ? 'error' : outcome.cancelled ? 'warning' : 'success'} data-testid="received-sync-outcome">
          {outcome.error
            ? t('received.sync.failed', { reason: errorMessage({ code: outcome.error }) })
            : outcome.cancelled
              ? t('received.sync.cancelled')
              : t('received.sync.finished', { count: outcome.imported })}
        </Alert>
      ) : null}
    </Paper>
  );
}
