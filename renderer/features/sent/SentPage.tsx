import OutboxOutlinedIcon from '@mui/icons-material/OutboxOutlined';
import SendOutlinedIcon from '@mui/icons-material/SendOutlined';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import { Alert, Box, Button, Chip, InputAdornment, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { warsawDate } from '../../../shared/domain/business-days';
import type { OfflineInvoiceView } from '../../../shared/ipc/channels/offline';
import { BusyButton } from '../../components/BusyButton';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fileToBase64 } from '../../components/download';
import { OfflineBanner, OfflineToggle } from './OfflineBanner';
import { OfflineCertificateDialog } from './OfflineCertificateDialog';
import { OutagesPanel } from './OutagesPanel';
import { describeFileProblems } from './file-problems';
import { SentDetailPanel } from './SentDetailPanel';
import { SentTable, type SentRow } from './SentTable';
import { countDeadlines, countFor, deadlineView, SENT_FILTERS, statesFor, type SentFilter } from './sent-model';
import {
  useCheckConnection,
  useCompleteKod2,
  useImportFiles,
  useOfflineInvoices,
  useOfflineStatus,
  useOutboxList,
  useSendNow,
  useSentEvents,
  useSetOfflineManual,
} from './sent-queries';

const LIST_LIMIT = 1000;

/** Today in Poland, re-read every minute so deadline warnings turn over at midnight while the page stays open. */
function useWarsawToday(): string {
  const [today, setToday] = useState(() => warsawDate(new Date()));
  useEffect(() => {
    const timer = setInterval(() => setToday(warsawDate(new Date())), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

/** Every sent or waiting invoice: status, KSeF number, deadlines of offline ones; import, send, open one. */
export function SentPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<SentFilter>('all');
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const [openId, setOpenId] = useState<string | null>(null);
  const [obtaining, setObtaining] = useState(false);
  const [showOutages, setShowOutages] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const progress = useSentEvents();
  const states = statesFor(filter);
  const list = useOutboxList({ limit: LIST_LIMIT, offset: 0, ...(states ? { states } : {}), ...(deferredSearch ? { search: deferredSearch } : {}) });
  const waiting = useOutboxList({ limit: LIST_LIMIT, offset: 0, states: ['offline', 'rejected'] });
  const accepted = useOutboxList({ limit: LIST_LIMIT, offset: 0, states: ['accepted'] });
  const offlineInvoices = useOfflineInvoices();
  const offlineStatus = useOfflineStatus();
  const sendNow = useSendNow();
  const importFiles = useImportFiles();
  const setManual = useSetOfflineManual();
  const check = useCheckConnection();
  const completeKod2 = useCompleteKod2();

  const today = useWarsawToday();
  const offlineById = useMemo(() => new Map<string, OfflineInvoiceView>((offlineInvoices.data ?? []).map((view) => [view.outboxId, view])), [offlineInvoices.data]);
  // Hashes KSeF accepted: a technical correction among them settles its rejected original.
  const acceptedHashes = useMemo(() => new Set((accepted.data?.items ?? []).map((item) => item.hash)), [accepted.data]);
  const rows = useMemo<SentRow[]>(
    () => (list.data?.items ?? []).map((item) => ({ ...item, deadline: deadlineView(item.state, offlineById.get(item.id), today, acceptedHashes) })),
    [list.data, offlineById, today, acceptedHashes],
  );
  // Deadlines are counted over every invoice still waiting for KSeF, not only the filtered page.
  const deadlines = countDeadlines((waiting.data?.items ?? []).map((item) => deadlineView(item.state, offlineById.get(item.id), today, acceptedHashes)));
  const missingKod2 = (offlineInvoices.data ?? []).filter((view) => view.kod2Url === null).length;
  const counts = list.data?.counts;
  const nothingAtAll = counts !== undefined && countFor('all', counts) === 0;
  const importResults = importFiles.data ?? [];
  const importFailures = importResults.filter((result) => result.error?.length);

  const onFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    const selected = [...files].slice(0, 20);
    importFiles.mutate({ files: await Promise.all(selected.map(async (file) => ({ name: file.name, contentBase64: await fileToBase64(file) }))) });
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <Stack spacing={2.5} useFlexGap sx={{ maxWidth: 1280 }} data-testid="sent-page">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('sent.title')}
        </Typography>
        {offlineStatus.data ? <OfflineToggle status={offlineStatus.data} onToggle={(on) => setManual.mutate(on)} /> : null}
        <Button variant={showOutages ? 'contained' : 'text'} color="inherit" onClick={() => setShowOutages(!showOutages)} data-testid="outages-button">
          {t('sent.outages.button')}
        </Button>
        <input ref={fileInput} type="file" accept=".xml,application/xml,text/xml" multiple hidden onChange={(event) => void onFiles(event.target.files)} data-testid="import-input" />
        <BusyButton variant="outlined" startIcon={<UploadFileOutlinedIcon />} busy={importFiles.isPending} onClick={() => fileInput.current?.click()} title={t('sent.importHint')}>
          {t('sent.import')}
        </BusyButton>
        <BusyButton variant="contained" startIcon={<SendOutlinedIcon />} busy={sendNow.isPending} onClick={() => sendNow.mutate()} data-testid="send-now">
          {t('sent.sendPending')}
        </BusyButton>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('sent.intro')}
      </Typography>

      {offlineStatus.data ? (
        <OfflineBanner
          status={offlineStatus.data}
          missingKod2={missingKod2}
          checking={check.isPending}
          completing={completeKod2.isPending}
          checkResult={check.data ? !check.data.offline : null}
          onToggle={(on) => setManual.mutate(on)}
          onCheck={() => check.mutate()}
          onObtainCertificate={() => setObtaining(true)}
          onCompleteKod2={() => completeKod2.mutate()}
        />
      ) : null}
      {showOutages ? <OutagesPanel /> : null}
      {deadlines.overdue > 0 ? (
        <Alert severity="error" data-testid="deadline-overdue">
          {t('sent.deadlineOverdue', { count: deadlines.overdue })}
        </Alert>
      ) : null}
      {deadlines.soon > 0 ? (
        <Alert severity="warning" data-testid="deadline-soon">
          {t('sent.deadlineWarning', { count: deadlines.soon })}
        </Alert>
      ) : null}
      {completeKod2.data ? (
        <Alert severity="success" onClose={() => completeKod2.reset()}>
          {t('sent.offline.completed', { count: completeKod2.data.completed })}
        </Alert>
      ) : null}

      {progress ? (
        <Box role="status" data-testid="batch-progress">
          <Typography variant="body2" sx={{ mb: 0.5 }}>
            {t('sent.progress', { done: progress.accepted + progress.rejected, total: progress.total, accepted: progress.accepted, rejected: progress.rejected })}
          </Typography>
          <LinearProgress variant={progress.total > 0 ? 'determinate' : 'indeterminate'} value={progress.total > 0 ? (100 * (progress.accepted + progress.rejected)) / progress.total : 0} />
        </Box>
      ) : null}

      {importFiles.isSuccess && importResults.length > importFailures.length ? (
        <Alert severity="success" onClose={() => importFiles.reset()}>
          {t('sent.imported', { count: importResults.length - importFailures.length })}
        </Alert>
      ) : null}
      {importFailures.map((result) => (
        <Alert severity="error" key={result.name} data-testid="import-error" onClose={() => importFiles.reset()}>
          {t('sent.importFailed', {
            file: result.name,
            reason: describeFileProblems(result.error ?? [], t, i18n.language),
          })}
        </Alert>
      ))}
      {[list.error, offlineStatus.error, offlineInvoices.error, sendNow.error, importFiles.error, setManual.error, check.error, completeKod2.error].map((error, index) => (error ? <ErrorAlert key={index} error={error} /> : null))}

      {nothingAtAll ? (
        <EmptyState icon={<OutboxOutlinedIcon fontSize="inherit" />} title={t('sent.emptyTitle')} body={t('sent.emptyBody')} />
      ) : (
        <>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            {SENT_FILTERS.map((candidate) => (
              <Chip
                key={candidate}
                label={`${t(`sent.filter.${candidate}`)}${counts ? ` (${countFor(candidate, counts)})` : ''}`}
                color={candidate === filter ? 'primary' : 'default'}
                variant={candidate === filter ? 'filled' : 'outlined'}
                onClick={() => setFilter(candidate)}
                data-testid={`filter-${candidate}`}
              />
            ))}
            <Box sx={{ flexGrow: 1 }} />
            <TextField
              size="small"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              placeholder={t('sent.search')}
              sx={{ minWidth: 320 }}
              slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> }, htmlInput: { 'aria-label': t('sent.search') } }}
            />
          </Stack>
          {rows.length === 0 && list.isSuccess ? (
            <Typography variant="body2" color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
              {t('sent.noMatches')}
            </Typography>
          ) : (
            <SentTable rows={rows} onOpen={setOpenId} />
          )}
        </>
      )}

      {openId ? <SentDetailPanel id={openId} offline={offlineById.get(openId)} onClose={() => setOpenId(null)} /> : null}
      {obtaining ? (
        <OfflineCertificateDialog
          onEnrolled={() => {
            completeKod2.mutate();
          }}
          onClose={() => setObtaining(false)}
        />
      ) : null}
    </Stack>
  );
}
