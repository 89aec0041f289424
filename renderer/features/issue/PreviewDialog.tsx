import DownloadOutlinedIcon from '@mui/icons-material/DownloadOutlined';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { IssuePreview } from '../../../shared/ipc/channels/issue';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InvoicePreviewBody } from './InvoicePreviewBody';
import { ProblemsSummary } from './ProblemsSummary';

interface PreviewDialogProps {
  preview: IssuePreview | null;
  onClose: () => void;
  onDownload: () => void;
  downloading: boolean;
  downloadError: unknown;
}

/** The invoice as it would be issued (number proposed by the series), with the PDF one click away. */
export function PreviewDialog({ preview, onClose, onDownload, downloading, downloadError }: PreviewDialogProps) {
  const { t } = useTranslation();
  const errors = preview?.problems.filter((problem) => problem.severity === 'error') ?? [];
  return (
    <Dialog open={preview !== null} onClose={onClose} maxWidth="lg" fullWidth data-testid="preview-dialog">
      <DialogTitle>{t('issue.preview.title')}</DialogTitle>
      <DialogContent dividers>
        {preview && preview.problems.length > 0 ? (
          <Box sx={{ mb: 2 }}>
            <ProblemsSummary problems={preview.problems} />
          </Box>
        ) : null}
        {preview && preview.xml && preview.validated && errors.length === 0 ? (
          <Alert severity="success" sx={{ mb: 2 }} data-testid="preview-schema-ok">
            {t('issue.preview.schemaOk')}
          </Alert>
        ) : null}
        {preview?.xml ? <InvoicePreviewBody view={preview.view} xml={preview.xml} /> : null}
        {downloadError ? <ErrorAlert error={downloadError} /> : null}
      </DialogContent>
      <DialogActions>
        <BusyButton startIcon={<DownloadOutlinedIcon />} busy={downloading} busyLabel={t('issue.preview.downloading')} onClick={onDownload} disabled={!preview?.xml} data-testid="download-pdf">
          {t('issue.preview.downloadPdf')}
        </BusyButton>
        <Button variant="contained" onClick={onClose}>
          {t('issue.preview.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
