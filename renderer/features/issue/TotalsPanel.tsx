import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ComputedTotals } from '../../../shared/domain/invoice';
import { formatAmountPl } from '../../../shared/domain/money';
import type { FormLine, IssueFormValues } from '../../../shared/ipc/channels/issue';
import { AdvanceTotals, SettlementTotals } from './AdvanceTotals';
import { liveTotals } from './live-totals';

const amountCell = { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' as const };

export function useLiveTotals(): ComputedTotals {
  const { control } = useFormContext<IssueFormValues>();
  const [kind, priceMode, currency, exchangeRate, lines, linesBefore] = useWatch({
    control,
    name: ['kind', 'priceMode', 'currency', 'exchangeRate', 'lines', 'correction.linesBefore'],
  }) as [IssueFormValues['kind'], IssueFormValues['priceMode'], string, string, FormLine[], FormLine[]];
  return liveTotals({ kind, priceMode, currency, exchangeRate, lines, linesBefore });
}

/** Net, VAT and gross per rate and overall, recomputed as the user types (the model's own rounding); ZAL and ROZ have their own. */
export function TotalsPanel() {
  const { t } = useTranslation();
  const { control } = useFormContext<IssueFormValues>();
  const [currency, kind] = useWatch({ control, name: ['currency', 'kind'] });
  const totals = useLiveTotals();
  const rateLabel = (label: string) => t(`issue.rates.${label}`, { defaultValue: label });
  if (kind === 'ZAL') return <AdvanceTotals />;
  if (kind === 'ROZ') return <SettlementTotals />;
  if (totals.byRate.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'right', mt: 2 }}>
        {t('issue.totals.empty')}
      </Typography>
    );
  }
  return (
    <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }} data-testid="totals">
      <Box sx={{ minWidth: 420 }}>
        <Table size="small" aria-label={t('issue.sections.totals')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('issue.totals.rate')}</TableCell>
              <TableCell sx={amountCell}>{t('issue.totals.net')}</TableCell>
              <TableCell sx={amountCell}>{t('issue.totals.vat')}</TableCell>
              <TableCell sx={amountCell}>{t('issue.totals.gross')}</TableCell>
              {totals.vatPln !== undefined ? <TableCell sx={amountCell}>{t('issue.totals.vatPln')}</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {totals.byRate.map((rate) => (
              <TableRow key={rate.label} data-testid="totals-rate" data-rate={rate.label}>
                <TableCell>{rateLabel(rate.label)}</TableCell>
                <TableCell sx={amountCell}>{formatAmountPl(rate.net)}</TableCell>
                <TableCell sx={amountCell}>{formatAmountPl(rate.vat)}</TableCell>
                <TableCell sx={amountCell}>{formatAmountPl(rate.gross)}</TableCell>
                {totals.vatPln !== undefined ? <TableCell sx={amountCell}>{rate.vatPln ? formatAmountPl(rate.vatPln) : ''}</TableCell> : null}
              </TableRow>
            ))}
            <TableRow sx={{ '& td': { fontWeight: 700, borderBottom: 0 } }} data-testid="totals-sum">
              <TableCell>{t('issue.totals.total')}</TableCell>
              <TableCell sx={amountCell}>{formatAmountPl(totals.net)}</TableCell>
              <TableCell sx={amountCell}>{formatAmountPl(totals.vat)}</TableCell>
              <TableCell sx={amountCell}>{formatAmountPl(totals.gross)}</TableCell>
              {totals.vatPln !== undefined ? <TableCell sx={amountCell}>{formatAmountPl(totals.vatPln)}</TableCell> : null}
            </TableRow>
          </TableBody>
        </Table>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', mt: 1.5, px: 2, py: 1, bgcolor: 'action.hover', borderRadius: 1 }}>
          <Typography variant="subtitle1">{totals.gross.startsWith('-') ? t('issue.totals.toRefund') : t('issue.totals.toPay')}</Typography>
          <Typography variant="h6" component="p" data-testid="totals-to-pay" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 700 }}>
            {formatAmountPl(totals.gross)} {currency}
          </Typography>
        </Box>
      </Box>
    </Box>
  );
}
