import { MenuItem, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IssueFormValues } from '../../../shared/ipc/channels/issue';
import { formatAmountPl } from '../../../shared/domain/money';
import { unwrap, useKsefApi } from '../../api/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSelect, FormText } from './fields';
import { withDecimalComma } from './format';
import { FieldRow, Section } from './Section';

/**
 * The corrected invoice: picked from the sent ones (issued here or imported — its number, date, KSeF number,
 * buyer and lines come along, the lines becoming the "before" rows), or typed when it was issued elsewhere.
 */
export function CorrectionSection({ nip }: { nip: string }) {
  const { t, i18n } = useTranslation();
  const api = useKsefApi();
  const { setValue } = useFormContext<IssueFormValues>();
  const sent = useQuery({
    queryKey: ['issue', 'correctable'],
    staleTime: 0,
    queryFn: () => unwrap(api.outbox.list({ states: ['accepted', 'queued', 'sending', 'offline'], limit: 200 })),
  });
  // Advance and settlement invoices are corrected by KOR_ZAL / KOR_ROZ, which this form does not make yet.
  // Only the company's own invoices: the outbox holds every company of the profile.
  const candidates = (sent.data?.items ?? []).filter((item) => item.sellerNip === nip && !item.kind.startsWith('KOR') && item.kind !== 'ZAL' && item.kind !== 'ROZ');

  const [failure, setFailure] = useState<unknown>(null);
  const pick = async (outboxId: string) => {
    let start;
    try {
      start = await unwrap(api.issue.correctionOf({ outboxId }));
      setFailure(null);
    } catch (error) {
      setFailure(error);
      return;
    }
    const options = { shouldDirty: true };
    setValue('correction', { ...start.correction, linesBefore: withDecimalComma(start.correction.linesBefore, i18n.language) }, options);
    setValue('lines', withDecimalComma(start.lines, i18n.language), options);
    for (const key of ['buyer', 'currency', 'exchangeRate', 'priceMode'] as const) setValue(key, start[key], options);
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
          {candidates.map((item) => (
            <MenuItem key={item.id} value={item.id}>
              {item.invoiceNumber} · {item.issueDate} · {item.buyerName} · {formatAmountPl(item.grossTotal)} {item.currency}
              {item.ksefNumber ? ` · ${item.ksefNumber}` : ''}
            </MenuItem>
          ))}
        </TextField>
      </FieldRow>
      {sent.isError ? <ErrorAlert error={sent.error} /> : null}
      {failure ? <ErrorAlert error={failure} /> : null}
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
