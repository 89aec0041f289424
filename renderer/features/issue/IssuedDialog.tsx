import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import CloudOffOutlinedIcon from '@mui/icons-material/CloudOffOutlined';
import DownloadOutlinedIcon from '@mui/icons-material/DownloadOutlined';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatAmountPl } from '../../../shared/domain/money';
import type { IssuedInvoice } from '../../../shared/ipc/channels/issue';
import { unwrap, useKsefApi } from '../../api/api-context';
import { BusyButton } from '../../components/BusyButton';
import { base64ToBytes, saveDownload } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';

export interface IssuedResult {
  invoice: IssuedInvoice;
  offline: boolean;
}

/** After "Wystaw": the number, where the invoice went, and its PDF (with QR codes when issued offline) to hand over. */
export function IssuedDialog({ result, onNext }: { result: IssuedResult | null; onNext: () => void }) {
  const { t } = useTranslation();
  const api = useKsefApi();
  const invoice = result?.invoice ?? null;
  const pdf = useMutation({
    mutationFn: async (outboxId: string) => {
      const { fileName, pdfBase64 } = await unwrap(api.outbox.pdf({ id: outboxId }));
      saveDownload(fileName, base64ToBytes(pdfBase64), 'application/pdf');
    },
  });
  return (
    <Dialog open={invoice !== null} onClose={onNext} data-testid="issued-dialog" data-offline={result?.offline ? 'true' : 'false'}>
      <DialogTitle>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          {result?.offline ? <CloudOffOutlinedIcon color="warning" /> : <CheckCircleOutlineIcon color="success" />}
          <span>{t('issue.issued.title', { number: invoice?.number ?? '' })}</span>
        </Stack>
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2">{invoice ? `${invoice.buyerName} · ${formatAmountPl(invoice.grossTotal)} ${invoice.currency}` : ''}</Typography>
        {result?.offline ? (
          <Alert severity="warning" sx={{ mt: 1.5 }} data-testid="issued-offline">
            {t('issue.issued.offline')}
          </Alert>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('issue.issued.body')}
          </Typography>
        )}
        {pdf.isError ? <ErrorAlert error={pdf.error} /> : null}
      </DialogContent>
      <DialogActions>
        {invoice?.outboxId ? (
          <BusyButton startIcon={<DownloadOutlinedIcon />} busy={pdf.isPending} onClick={() => invoice.outboxId && pdf.mutate(invoice.outboxId)} data-testid="issued-pdf">
            {t('issue.issued.downloadPdf')}
          </BusyButton>
        ) : null}
        <Button variant="contained" onClick={onNext} autoFocus>
          {t('issue.issued.next')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
