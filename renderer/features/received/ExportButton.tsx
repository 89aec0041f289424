import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { Alert, Box, Button, LinearProgress, Menu, MenuItem, Snackbar, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivedExportFormat, ReceivedFilter } from '../../../shared/ipc/channels/received';
import { isErrorCode } from '../../../shared/ipc/result';
import { IpcFailure, unwrap, useKsefApi } from '../../api/api-context';
import { errorMessage } from '../../i18n';
import { base64ToBytes, saveDownload } from '../../components/download';
import { useExportProgress } from './received-queries';

const MIME: Record<ReceivedExportFormat, string> = { csv: 'text/csv;charset=utf-8', 'zip-xml': 'application/zip', 'zip-pdf': 'application/zip' };

/** Exports the filtered set; shows progress with a cancel button and saves the file when it is ready. */
export function ExportButton({ filter, disabled }: { filter: ReceivedFilter; disabled: boolean }) {
  const { t } = useTranslation();
  const api = useKsefApi();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ severity: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const job = useExportProgress(jobId);

  useEffect(() => {
    if (!job || !jobId || job.state === 'running') return;
    setJobId(null);
    if (job.state === 'done') {
      void unwrap(api.received.exportResult({ jobId: job.jobId })).then((file) => {
        saveDownload(file.fileName, base64ToBytes(file.base64), MIME[job.format]);
        setMessage({ severity: 'success', text: t('received.export.done', { file: file.fileName }) });
      });
    } else if (job.state === 'cancelled') setMessage({ severity: 'warning', text: t('received.export.cancelled') });
    else setMessage({ severity: 'error', text: t('received.export.failed', { reason: errorMessage({ code: isErrorCode(job.error) ? job.error : 'INTERNAL' }) }) });
  }, [api, job, jobId, t]);

  const start = async (format: ReceivedExportFormat) => {
    setAnchor(null);
    setMessage(null);
    try {
      const started = await unwrap(api.received.export({ filter, format }));
      setJobId(started.jobId);
    } catch (error) {
      setMessage({ severity: 'error', text: t('received.export.failed', { reason: error instanceof IpcFailure ? errorMessage(error.payload) : t('errors.INTERNAL') }) });
    }
  };

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button variant="outlined" startIcon={<FileDownloadOutlinedIcon />} disabled={disabled || jobId !== null} onClick={(e) => setAnchor(e.currentTarget)} data-testid="received-export">
          {t('received.export.button')}
        </Button>
        {jobId ? (
          <>
            <Box sx={{ width: 220 }}>
              <Typography variant="caption">{t('received.export.running', { done: job?.done ?? 0, total: job?.total ?? 0 })}</Typography>
              <LinearProgress variant="determinate" value={job && job.total ? (100 * job.done) / job.total : 0} />
            </Box>
            <Button size="small" color="warning" onClick={() => void api.received.exportCancel({ jobId })} data-testid="received-export-cancel">
              {t('received.export.cancel')}
            </Button>
          </>
        ) : null}
      </Stack>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void start('csv')} data-testid="received-export-csv">{t('received.export.csv')}</MenuItem>
        <MenuItem onClick={() => void start('zip-xml')} data-testid="received-export-zip-xml">{t('received.export.zipXml')}</MenuItem>
        <MenuItem onClick={() => void start('zip-pdf')} data-testid="received-export-zip-pdf">{t('received.export.zipPdf')}</MenuItem>
      </Menu>
      <Snackbar open={message !== null} autoHideDuration={8000} onClose={() => setMessage(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
        <Alert variant="filled" severity={message?.severity ?? 'success'} onClose={() => setMessage(null)} data-testid="received-export-message">
          {message?.text}
        </Alert>
      </Snackbar>
    </Box>
  );
}
