import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CURRENCY_CODES } from '../../../shared/domain/invoice/code-lists';
import { FORM_INVOICE_KINDS, type IssueFormValues, type NumberingSeries } from '../../../shared/ipc/channels/issue';
import { FormSelect, FormText } from './fields';
import { useNextNumber } from './queries';
import { FieldRow, Section } from './Section';

const COMMON_CURRENCIES = ['PLN', 'EUR', 'USD', 'GBP', 'CHF', 'CZK'];

/** Kind, series and number, dates, place, currency and its exchange rate. */
export function DocumentSection({ nip, series }: { nip: string; series: NumberingSeries[] }) {
  const { t } = useTranslation();
  const { control, setValue, getValues } = useFormContext<IssueFormValues>();
  const [kind, seriesId, issueDate, number, currency] = useWatch({ control, name: ['kind', 'seriesId', 'issueDate', 'number', 'currency'] });
  useSeriesFollowsKind(kind, series, () => getValues('seriesId'), (id) => setValue('seriesId', id, { shouldDirty: true }));
  const next = useNextNumber(nip, seriesId, issueDate);
  const currencies = [...COMMON_CURRENCIES, ...CURRENCY_CODES.filter((code) => !COMMON_CURRENCIES.includes(code))];
  return (
    <Section title={t('issue.sections.document')} testId="issue-document">
      <FieldRow columns="1.2fr 1fr 1.4fr 0.9fr 0.9fr">
        <FormSelect name="kind" label={t('issue.document.kind')} options={FORM_INVOICE_KINDS.map((kind) => ({ value: kind, label: t(`issue.kinds.${kind}`) }))} testId="issue-kind" />
        <FormSelect name="seriesId" label={t('issue.document.series')} options={series.map((entry) => ({ value: entry.id, label: entry.name }))} testId="issue-series" />
        <FormText
          name="number"
          label={t('issue.document.number')}
          placeholder={next.data?.number ?? ''}
          helperText={number.trim() === '' && next.data ? t('issue.document.numberAuto', { number: next.data.number }) : t('issue.document.numberHint')}
          testId="issue-number"
        />
        <FormText name="issueDate" type="date" label={t('issue.document.issueDate')} testId="issue-date" />
        {/* On an advance invoice P_6 is the day the payment was received (AdvanceSection asks for it). */}
        {kind === 'ZAL' ? <span /> : <FormText name="saleDate" type="date" label={t('issue.document.saleDate')} testId="issue-sale-date" />}
      </FieldRow>
      <FieldRow columns="2fr 1fr 1fr">
        <FormText name="placeOfIssue" label={t('issue.document.placeOfIssue')} testId="issue-place" />
        <FormSelect name="currency" label={t('issue.document.currency')} options={currencies.map((code) => ({ value: code, label: code }))} testId="issue-currency" />
        {currency !== 'PLN' ? <FormText name="exchangeRate" label={t('issue.document.exchangeRate')} inputMode="decimal" testId="issue-exchange-rate" /> : <span />}
      </FieldRow>
    </Section>
  );
}

/** Corrections are numbered in their own series (pattern starting with KOR), other kinds in the default one. */
export function seriesForKind(kind: IssueFormValues['kind'], series: NumberingSeries[]): NumberingSeries | undefined {
  const corrections = series.find((entry) => /^KOR/i.test(entry.pattern));
  if (kind === 'KOR') return corrections;
  return series.find((entry) => entry.isDefault && entry !== corrections) ?? series.find((entry) => entry !== corrections);
}

/** When the kind changes, the series follows it, unless the user had picked a series of their own. */
function useSeriesFollowsKind(kind: IssueFormValues['kind'], series: NumberingSeries[], current: () => string | null, set: (id: string) => void) {
  const previousKind = useRef(kind);
  useEffect(() => {
    if (previousKind.current === kind) return;
    const before = seriesForKind(previousKind.current, series);
    previousKind.current = kind;
    const next = seriesForKind(kind, series);
    if (next && (current() === null || current() === before?.id)) set(next.id);
  }, [kind, series, current, set]);
}
