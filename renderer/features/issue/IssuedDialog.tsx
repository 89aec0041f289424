import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatAmountPl } from '../../../shared/domain/money';
import type { IssuedInvoice } from '../../../shared/ipc/channels/issue';

export function IssuedDialog({ invoice, onNext }: { invoice: IssuedInvoice | null; onNext: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={invoice !== null} onClose={onNext} data-testid="issued-dialog">
      <DialogTitle>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <CheckCircleOutlineIcon color="success" />
          <span>{t('issue.issued.title', { number: invoice?.number ?? '' })}</span>
        </Stack>
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2">
          {invoice ? `${invoice.buyerName} · ${formatAmountPl(invoice.grossTotal)} ${invoice.currency}` : ''}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('issue.issued.body')}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onNext} autoFocus>
          {t('issue.issued.next')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
