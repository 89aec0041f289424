import { MenuItem, TextField } from '@mui/material';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IssueFormValues } from '../../../shared/ipc/channels/issue';
import { formatAmountPl } from '../../../shared/domain/money';
import { useKsefApi } from '../../api/api-context';
import { FormSelect, FormText } from './fields';
import { useIssuedInvoices } from './queries';
import { FieldRow, Section } from './Section';

/**
 * The corrected invoice: picked from the ones issued here (its number, date, KSeF number, buyer and lines
 * come along — the lines become the "before" rows), or typed when it was issued elsewhere.
 */
export function CorrectionSection({ nip }: { nip: string }) {
  const { t } = useTranslation();
  const api = useKsefApi();
  const { setValue, getValues } = useFormContext<IssueFormValues>();
  const issued = useIssuedInvoices(nip);
  const candidates = (issued.data ?? []).filter((invoice) => invoice.kind !== 'KOR');

  const pick = async (id: string) => {
    const result = await api.issue.issuedGet({ id });
    if (!result.ok) return;
    const { invoice, form } = result.value;
    const options = { shouldDirty: true };
    setValue('correction', { ...getValues('correction'), sourceId: invoice.id, originalNumber: invoice.number, originalIssueDate: invoice.issueDate, originalKsefNumber: invoice.ksefNumber ?? '', linesBefore: form.lines }, options);
    setValue('buyer', { ...form.buyer, saveToBook: false }, options);
    setValue('currency', form.currency, options);
    setValue('exchangeRate', form.exchangeRate, options);
    setValue('priceMode', form.priceMode, options);
    setValue('lines', form.lines, options);
  };

  return (
    <Section title={t('issue.sections.correction')} testId="issue-correction">
      <FieldRow columns="1fr">
        <TextField
          select
          size="small"
          label={t('issue.correction.pickIssued')}
          value=""
          onChange={(event) => void pick(event.target.value)}
          disabled={candidates.length === 0}
          helperText={candidates.length === 0 ? t('issue.correction.noneIssued') : ' '}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'correction-pick' } }}
        >
          {candidates.map((invoice) => (
            <MenuItem key={invoice.id} value={invoice.id}>
              {invoice.number} · {invoice.issueDate} · {invoice.buyerName} · {formatAmountPl(invoice.grossTotal)} {invoice.currency}
            </MenuItem>
          ))}
        </TextField>
      </FieldRow>
      <FieldRow columns="1.2fr 1.6fr 0.9fr">
        <FormText name="correction.originalNumber" label={t('issue.correction.originalNumber')} testId="correction-number" />
        <FormText name="correction.originalKsefNumber" label={t('issue.correction.originalKsefNumber')} helperText={t('issue.correction.originalKsefHint')} testId="correction-ksef-number" />
        <FormText name="correction.originalIssueDate" type="date" label={t('issue.correction.originalIssueDate')} testId="correction-date" />
      </FieldRow>
      <FieldRow columns="2fr 1fr">
        <FormText name="correction.reason" label={t('issue.correction.reason')} testId="correction-reason" />
        <FormSelect name="correction.effectType" label={t('issue.correction.effectType')} options={(['1', '2', '3'] as const).map((value) => ({ value, label: t(`issue.correction.effects.${value}`) }))} />
      </FieldRow>
    </Section>
  );
}
