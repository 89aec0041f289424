import { Alert, Typography } from '@mui/material';
import Decimal from 'decimal.js';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SPLIT_PAYMENT_THRESHOLD_PLN } from '../../../shared/domain/invoice/rules';
import { PAYMENT_METHODS, type IssueFormValues, type SellerProfile } from '../../../shared/ipc/channels/issue';
import { normalizeDecimal } from '../../../shared/domain/issuing/form-rules';
import { formatAccountNumber } from './format';
import { FormCheckbox, FormSelect, FormText } from './fields';
import { FieldRow, Section } from './Section';
import { useLiveTotals } from './TotalsPanel';

/** Method, due date, the seller's bank account, split payment (with when the law requires it), paid. */
export function PaymentSection({ profile }: { profile: SellerProfile }) {
  const { t } = useTranslation();
  const { control } = useFormContext<IssueFormValues>();
  const [method, paid, split, currency, exchangeRate, identifierType] = useWatch({
    control,
    name: ['payment.method', 'payment.paid', 'payment.splitPayment', 'currency', 'exchangeRate', 'buyer.identifierType'],
  });
  const totals = useLiveTotals();
  const rate = currency === 'PLN' ? '1' : normalizeDecimal(exchangeRate);
  const grossPln = /^\d+(\.\d+)?$/.test(rate) ? new Decimal(totals.gross).times(rate) : null;
  const overThreshold = grossPln !== null && grossPln.greaterThan(SPLIT_PAYMENT_THRESHOLD_PLN) && identifierType === 'NIP';
  const accounts = profile.bankAccounts.map((account) => ({ value: account.iban, label: `${formatAccountNumber(account.iban)}${account.bankName ? ` (${account.bankName})` : ''}` }));

  return (
    <Section title={t('issue.sections.payment')} testId="issue-payment">
      <FieldRow columns="1fr 1fr">
        <FormSelect name="payment.method" label={t('issue.payment.method')} options={['', ...PAYMENT_METHODS].map((code) => ({ value: code, label: t(`issue.payment.methods.${code}`) }))} testId="payment-method" />
        <FormText name="payment.dueDate" type="date" label={t('issue.payment.dueDate')} testId="payment-due-date" />
      </FieldRow>
      {method === '6' || method === '' ? (
        <FieldRow columns="1fr">
          <FormSelect
            name="payment.bankAccount"
            label={t('issue.payment.bankAccount')}
            options={[{ value: '', label: t('issue.payment.noAccount') }, ...accounts]}
            helperText={accounts.length === 0 ? t('issue.payment.noAccounts') : undefined}
            testId="payment-bank-account"
          />
        </FieldRow>
      ) : null}
      <FormCheckbox name="payment.splitPayment" label={t('issue.payment.split')} testId="payment-split" />
      <Typography variant="caption" color="text.secondary" component="p" sx={{ ml: 4, mb: 1 }}>
        {t('issue.payment.splitHint')}
      </Typography>
      {overThreshold && !split ? (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="split-suggested">
          {t('issue.payment.splitSuggested')}
        </Alert>
      ) : null}
      <FieldRow columns="1fr 1fr">
        <FormCheckbox name="payment.paid" label={t('issue.payment.paid')} testId="payment-paid" />
        {paid ? <FormText name="payment.paidDate" type="date" label={t('issue.payment.paidDate')} testId="payment-paid-date" /> : <span />}
      </FieldRow>
    </Section>
  );
}
