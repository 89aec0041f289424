import { Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReceivedTotals as Totals } from '../../../shared/ipc/channels/received';
import { formatMoney } from './format';

/** Net, VAT and gross of the whole filtered set, per currency (exact sums from the archive). */
export function ReceivedTotals({ totals }: { totals: Totals[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1.25 }} data-testid="received-totals">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 0.5, md: 3 }} sx={{ alignItems: { md: 'center' } }}>
        <Typography variant="subtitle2" color="text.secondary">
          {t('received.totals.title')}
        </Typography>
        {totals.length === 0 ? <Typography variant="body2">{t('received.totals.none')}</Typography> : null}
        {totals.map((total) => (
          <Typography key={total.currency} variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`received-total-${total.currency}`}>
            <strong>{t('received.totals.count', { count: total.count })}</strong> · {t('received.totals.net')} {formatMoney(total.net, total.currency, language)} · {t('received.totals.vat')}{' '}
            {formatMoney(total.vat, total.currency, language)} · {t('received.totals.gross')} <strong>{formatMoney(total.gross, total.currency, language)}</strong>
          </Typography>
        ))}
      </Stack>
    </Paper>
  );
}
