import { Alert, Box, Button, Checkbox, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Divider, FormControlLabel, Link, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivedInvoiceRow } from '../../../shared/ipc/channels/received';
import { unwrap, useKsefApi } from '../../api/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InvoiceView } from '../../components/invoice-view';
import { formatDate, formatMoney } from './format';
import { useReceivedDetail, useReceivedMutations } from './received-queries';
import { base64ToBytes, saveDownload } from '../../components/download';

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2" data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
}

function KsefFacts({ row, language }: { row: ReceivedInvoiceRow; language: string }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={1.5}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
        <Fact label={t('received.detail.seller')} value={`${row.sellerName ?? ''} · NIP ${row.sellerNip}`} />
        <Fact label={t('received.detail.buyer')} value={`${row.buyerName ?? ''}${row.buyerIdentifier ? ` · ${row.buyerIdentifier}` : ''}`} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
        <Fact label={t('received.detail.issueDate')} value={formatDate(row.issueDate, language)} />
        <Fact label={t('received.detail.received')} value={new Date(row.acquisitionDate.replace(/(\.\d{3})\d+/, '$1')).toLocaleString(language === 'en' ? 'en-GB' : 'pl-PL')} />
        <Fact label={t('received.column.kind')} value={t(`received.kind.${row.kind}`, { defaultValue: row.kind })} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
        <Fact label={t('received.column.net')} value={formatMoney(row.netTotal, row.currency, language)} />
        <Fact label={t('received.column.vat')} value={formatMoney(row.vatTotal, row.currency, language)} />
        <Fact label={t('received.column.gross')} value={formatMoney(row.grossTotal, row.currency, language)} testId="received-detail-gross" />
      </Stack>
    </Stack>
  );
}

/** One invoice: its KSeF number and KOD I, the invoice view, XML/PDF download, booked/paid with a note. */
export function ReceivedDetail({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useKsefApi();
  const detail = useReceivedDetail(id);
  const { setState, markRead } = useReceivedMutations();
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const row = detail.data?.row;
  useEffect(() => setNote(row?.note ?? ''), [row?.id, row?.note]);

  const download = async (kind: 'xml' | 'pdf') => {
    if (!row) return;
    setFailure(null);
    try {
      const file = await unwrap(kind === 'xml' ? api.received.xml({ id: row.id }) : api.received.pdf({ id: row.id }));
      saveDownload(file.fileName, base64ToBytes(file.base64), kind === 'xml' ? 'application/xml' : 'application/pdf');
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Dialog open={id !== null} onClose={onClose} maxWidth="lg" fullWidth data-testid="received-detail">
      <DialogTitle>{row ? t('received.detail.title', { number: row.invoiceNumber }) : '…'}</DialogTitle>
      <DialogContent dividers>
        {detail.isLoading ? <CircularProgress /> : null}
        {detail.error ? <ErrorAlert error={detail.error} /> : null}
        {row && detail.data ? (
          <Stack spacing={2}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
              <Fact label={t('received.detail.ksefNumber')} value={row.ksefNumber} testId="received-detail-ksef" />
              {detail.data.kod1Url ? (
                <Box>
                  <Typography variant="caption" color="text.secondary">
                    {t('received.detail.kod1')}
                  </Typography>
                  <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
                    <Link href={detail.data.kod1Url} target="_blank" rel="noreferrer" data-testid="received-detail-kod1">
                      {detail.data.kod1Url}
                    </Link>
                  </Typography>
                </Box>
              ) : null}
            </Stack>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
              <FormControlLabel
                control={<Checkbox checked={row.bookedAt !== null} onChange={(e) => setState.mutate({ id: row.id, booked: e.target.checked })} />}
                label={t('received.detail.booked')}
                data-testid="received-detail-booked"
              />
              <FormControlLabel
                control={<Checkbox checked={row.paidAt !== null} onChange={(e) => setState.mutate({ id: row.id, paid: e.target.checked })} />}
                label={t('received.detail.paid')}
                data-testid="received-detail-paid"
              />
            </Stack>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField size="small" fullWidth multiline minRows={1} maxRows={4} label={t('received.detail.note')} value={note} onChange={(e) => setNote(e.target.value)} slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'received-detail-note' } }} />
              <Button onClick={() => setState.mutate({ id: row.id, note })} disabled={note === (row.note ?? '')} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} data-testid="received-detail-save-note">
                {t('received.detail.saveNote')}
              </Button>
            </Stack>
            <Divider />
            {detail.data.view ? (
              <InvoiceView data={detail.data.view} />
            ) : (
              <>
                <Alert severity="info">{t('received.detail.noView')}</Alert>
                <KsefFacts row={row} language={i18n.language} />
              </>
            )}
            {failure ? <ErrorAlert error={failure} /> : null}
          </Stack>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => void download('xml')} disabled={!row} data-testid="received-detail-xml">
          {t('received.detail.downloadXml')}
        </Button>
        <Button onClick={() => void download('pdf')} disabled={!row}>
          {t('received.detail.downloadPdf')}
        </Button>
        <Button
          onClick={() => {
            if (row) markRead.mutate({ ids: [row.id], read: false });
            onClose();
          }}
          disabled={!row}
        >
          {t('received.detail.markUnread')}
        </Button>
        <Button variant="contained" onClick={onClose} data-testid="received-detail-close">
          {t('received.detail.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
