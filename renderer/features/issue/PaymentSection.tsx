import { Alert, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { splitPaymentRequired } from '../../../shared/domain/issuing/split-payment';
import { PAYMENT_METHODS, type FormLine, type IssueFormValues, type SellerProfile } from '../../../shared/ipc/channels/issue';
import { formatAccountNumber } from './format';
import { FormCheckbox, FormSelect, FormText, problemText } from './fields';
import { FieldRow, Section } from './Section';

/**
 * Whether the law requires the split payment for what is typed, and ticking it when that becomes so (the
 * user sees why; unticking it again is refused at "Wystaw", by the form and by main).
 */
function useRequiredSplitPayment(): boolean {
  const { control, getValues, setValue } = useFormContext<IssueFormValues>();
  const [priceMode, currency, exchangeRate, lines, identifierType] = useWatch({
    control,
    name: ['priceMode', 'currency', 'exchangeRate', 'lines', 'buyer.identifierType'],
  }) as [IssueFormValues['priceMode'], string, string, FormLine[], IssueFormValues['buyer']['identifierType']];
  const required = splitPaymentRequired({ priceMode, currency, exchangeRate, lines, buyer: { identifierType } });
  // Starts false so a form that opens already requiring it (a draft, a copy) gets it ticked too.
  const wasRequired = useRef(false);
  useEffect(() => {
    if (required && !wasRequired.current && !getValues('payment.splitPayment')) setValue('payment.splitPayment', true, { shouldDirty: true, shouldValidate: true });
    wasRequired.current = required;
  }, [required, getValues, setValue]);
  return required;
}

/** Method, due date, the seller's bank account, split payment (ticked when the law requires it), paid. */
export function PaymentSection({ profile }: { profile: SellerProfile }) {
  const { t } = useTranslation();
  const { control, formState } = useFormContext<IssueFormValues>();
  const [method, paid, split] = useWatch({ control, name: ['payment.method', 'payment.paid', 'payment.splitPayment'] });
  const required = useRequiredSplitPayment();
  const splitError = formState.errors.payment?.splitPayment?.message;
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
      {required && split && !splitError ? (
        <Alert severity="info" sx={{ mb: 1 }} data-testid="split-required">
          {t('issueAdvance.split.autoTicked')}
        </Alert>
      ) : null}
      {splitError || (required && !split) ? (
        <Alert severity="error" sx={{ mb: 1 }} role="alert" data-testid="split-suggested">
          {problemText(t, splitError ?? 'splitRequired')}
        </Alert>
      ) : null}
      <FieldRow columns="1fr 1fr">
        <FormCheckbox name="payment.paid" label={t('issue.payment.paid')} testId="payment-paid" />
        {paid ? <FormText name="payment.paidDate" type="date" label={t('issue.payment.paidDate')} testId="payment-paid-date" /> : <span />}
      </FieldRow>
    </Section>
  );
}
