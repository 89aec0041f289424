import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SummaryBucket } from '../../../shared/domain/invoice/codes';
import { sumAmounts, type BucketTotal, type ComputedTotals } from '../../../shared/domain/invoice';
import { formatAmountPl } from '../../../shared/domain/money';
import { advanceInvoiceSummary, linesTotals, settlementOverview } from '../../../shared/domain/issuing/advances';
import type { FormLine, IssueFormValues } from '../../../shared/ipc/channels/issue';

const amountCell = { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' as const };
const sumRow = { '& td': { fontWeight: 700, borderBottom: 0 } };

function useAdvanceInput() {
  const { control } = useFormContext<IssueFormValues>();
  const [priceMode, currency, exchangeRate, lines, advance] = useWatch({ control, name: ['priceMode', 'currency', 'exchangeRate', 'lines', 'advance'] }) as [
    IssueFormValues['priceMode'],
    string,
    string,
    FormLine[],
    IssueFormValues['advance'],
  ];
  return { priceMode, currency, exchangeRate, lines, advance };
}

/** "23 / 22" for bucket 1 when both rates are used: the rates of the lines that fall in the bucket. */
function useBucketLabel(totals: ComputedTotals) {
  const { t } = useTranslation();
  return (bucket: SummaryBucket) => {
    const labels = totals.byRate.filter((rate) => rate.bucket === bucket).map((rate) => t(`issue.rates.${rate.label}`, { defaultValue: rate.label }));
    return labels.length > 0 ? labels.join(' / ') : bucket;
  };
}

function AmountBox({ label, amount, currency, testId }: { label: string; amount: string; currency: string; testId: string }) {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', mt: 1.5, px: 2, py: 1, bgcolor: 'action.hover', borderRadius: 1 }}>
      <Typography variant="subtitle1">{label}</Typography>
      <Typography variant="h6" component="p" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 700 }}>
        {formatAmountPl(amount)} {currency}
      </Typography>
    </Box>
  );
}

const gross = (total: BucketTotal) => sumAmounts([total.net, total.vat ?? '0']);

/** ZAL: the order's value per rate, then the advance received split over the rates (P_13_x, P_14_x, P_15). */
export function AdvanceTotals() {
  const { t } = useTranslation();
  const input = useAdvanceInput();
  const order = linesTotals(input);
  const summary = advanceInvoiceSummary(input);
  const bucketLabel = useBucketLabel(order);
  return (
    <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }} data-testid="totals">
      <Box sx={{ minWidth: 460 }}>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', px: 2, py: 0.5 }}>
          <Typography variant="body2">{t('issueAdvance.totals.orderValue')}</Typography>
          <Typography variant="body2" data-testid="order-value" sx={{ ...amountCell, fontWeight: 600 }}>
            {formatAmountPl(order.gross)} {input.currency}
          </Typography>
        </Box>
        <Table size="small" aria-label={t('issueAdvance.totals.advance')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('issueAdvance.totals.advance')} · {t('issueAdvance.totals.bucket')}</TableCell>
              <TableCell sx={amountCell}>{t('issue.totals.net')}</TableCell>
              <TableCell sx={amountCell}>{t('issue.totals.vat')}</TableCell>
              <TableCell sx={amountCell}>{t('issue.totals.gross')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {summary
              ? (Object.entries(summary.buckets) as [SummaryBucket, BucketTotal][]).map(([bucket, total]) => (
                  <TableRow key={bucket} data-testid="advance-bucket" data-bucket={bucket}>
                    <TableCell>{bucketLabel(bucket)}</TableCell>
                    <TableCell sx={amountCell}>{formatAmountPl(total.net)}</TableCell>
                    <TableCell sx={amountCell}>{total.vat !== undefined ? formatAmountPl(total.vat) : '—'}</TableCell>
                    <TableCell sx={amountCell}>{formatAmountPl(gross(total))}</TableCell>
                  </TableRow>
                ))
              : null}
          </TableBody>
        </Table>
        <AmountBox label={t('issueAdvance.totals.advanceTotal')} amount={summary?.gross ?? '0.00'} currency={input.currency} testId="totals-to-pay" />
      </Box>
    </Box>
  );
}

/** ROZ: per rate the whole sale, the advances taken off and what is left (P_13_x, P_14_x); P_15 left to pay. */
export function SettlementTotals() {
  const { t } = useTranslation();
  const input = useAdvanceInput();
  const overview = settlementOverview(input);
  const bucketLabel = useBucketLabel(overview.full);
  const buckets = Object.keys(overview.summary.buckets) as SummaryBucket[];
  const cells = (total: BucketTotal | undefined) => (
    <>
      <TableCell sx={amountCell}>{formatAmountPl(total?.net ?? '0.00')}</TableCell>
      <TableCell sx={amountCell}>{total?.vat !== undefined ? formatAmountPl(total.vat) : '—'}</TableCell>
    </>
  );
  return (
    <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }} data-testid="totals">
      <Box sx={{ minWidth: 640 }}>
        <Table size="small" aria-label={t('issue.sections.totals')}>
          <TableHead>
            <TableRow>
              <TableCell rowSpan={2}>{t('issueAdvance.totals.bucket')}</TableCell>
              <TableCell colSpan={2} sx={{ textAlign: 'center' }}>{t('issueAdvance.totals.sale')}</TableCell>
              <TableCell colSpan={2} sx={{ textAlign: 'center' }}>− {t('issueAdvance.totals.advances')}</TableCell>
              <TableCell colSpan={2} sx={{ textAlign: 'center' }}>= {t('issueAdvance.totals.left')}</TableCell>
            </TableRow>
            <TableRow>
              {[0, 1, 2].flatMap((group) => [
                <TableCell key={`${group}-net`} sx={amountCell}>{t('issue.totals.net')}</TableCell>,
                <TableCell key={`${group}-vat`} sx={amountCell}>{t('issue.totals.vat')}</TableCell>,
              ])}
            </TableRow>
          </TableHead>
          <TableBody>
            {buckets.map((bucket) => (
              <TableRow key={bucket} data-testid="settlement-bucket" data-bucket={bucket}>
                <TableCell>{bucketLabel(bucket)}</TableCell>
                {cells(overview.full.summary.buckets[bucket])}
                {cells(overview.advances.buckets[bucket])}
                {cells(overview.summary.buckets[bucket])}
              </TableRow>
            ))}
            <TableRow sx={sumRow} data-testid="totals-sum">
              <TableCell>{t('issue.totals.gross')}</TableCell>
              <TableCell colSpan={2} sx={amountCell}>{formatAmountPl(overview.full.gross)}</TableCell>
              <TableCell colSpan={2} sx={amountCell}>{formatAmountPl(overview.advances.gross)}</TableCell>
              <TableCell colSpan={2} sx={amountCell}>{formatAmountPl(overview.summary.gross)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
        <AmountBox label={t('issueAdvance.totals.leftToPay')} amount={overview.summary.gross} currency={input.currency} testId="totals-to-pay" />
      </Box>
    </Box>
  );
}
