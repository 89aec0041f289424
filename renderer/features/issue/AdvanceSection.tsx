import AddOutlinedIcon from '@mui/icons-material/AddOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, IconButton, MenuItem, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatAmountPl } from '../../../shared/domain/money';
import { filledLines } from '../../../shared/domain/issuing/form-to-invoice';
import type { FormSettledAdvance, IssueFormValues } from '../../../shared/ipc/channels/issue';
import { unwrap, useKsefApi } from '../../api/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormCheckbox, FormText, problemText, type IssueFieldPath } from './fields';
import { withDecimalComma } from './format';
import { FieldRow, Section } from './Section';

/** ZAL: the advance received and its day (P_15, P_6); the lines below are the order's. */
function ReceivedAdvance() {
  const { t } = useTranslation();
  return (
    <Section title={t('issueAdvance.zalTitle')} testId="issue-advance">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('issueAdvance.zalIntro')}
      </Typography>
      <FieldRow columns="1fr 1fr 2fr">
        <FormText name="advance.received" label={t('issueAdvance.received')} helperText={t('issueAdvance.receivedHint')} inputMode="decimal" testId="advance-received" />
        <FormText name="advance.receivedDate" type="date" label={t('issueAdvance.receivedDate')} testId="advance-received-date" />
        <span />
      </FieldRow>
    </Section>
  );
}

const COLUMNS = '170px minmax(260px, 1fr) 150px 36px';

/**
 * ROZ: the advance invoices it settles (FakturaZaliczkowa), each with the advance it documented. Picked from
 * the sent ZAL invoices (KSeF number and amount come along; an empty form also takes their buyer and order
 * lines) or typed, e.g. for one issued outside KSeF.
 */
function SettledAdvances({ nip }: { nip: string }) {
  const { t, i18n } = useTranslation();
  const api = useKsefApi();
  const { control, getValues, setValue, formState } = useFormContext<IssueFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'advance.settled' });
  const settled = useWatch({ control, name: 'advance.settled' });
  const sent = useQuery({
    queryKey: ['issue', 'advance-invoices'],
    staleTime: 0,
    queryFn: () => unwrap(api.outbox.list({ states: ['accepted'], limit: 200 })),
  });
  const taken = new Set(settled.map((entry) => entry.sourceId));
  const candidates = (sent.data?.items ?? []).filter((item) => item.sellerNip === nip && item.kind === 'ZAL' && item.ksefNumber && !taken.has(item.id));
  const arrayError = formState.errors.advance?.settled?.message ?? formState.errors.advance?.settled?.root?.message;

  const [failure, setFailure] = useState<unknown>(null);
  const blank: FormSettledAdvance = { sourceId: null, outsideKsef: false, reference: '', gross: '' };
  const pick = async (outboxId: string) => {
    const item = candidates.find((candidate) => candidate.id === outboxId);
    if (!item?.ksefNumber) return;
    const gross = i18n.language === 'pl' ? item.grossTotal.replace('.', ',') : item.grossTotal;
    append({ sourceId: item.id, outsideKsef: false, reference: item.ksefNumber, gross });
    // The first advance of an empty form brings its buyer and its order, which the settlement shows in full.
    if (filledLines(getValues('lines')).length > 0 && getValues('buyer.name').trim() !== '') return;
    let start;
    try {
      start = await unwrap(api.issue.correctionOf({ outboxId }));
      setFailure(null);
    } catch (error) {
      setFailure(error); // the advance stays listed; its buyer and order could not be read
      return;
    }
    const options = { shouldDirty: true };
    if (getValues('buyer.name').trim() === '') setValue('buyer', start.buyer, options);
    if (filledLines(getValues('lines')).length === 0) {
      setValue('lines', withDecimalComma(start.lines, i18n.language), options);
      for (const key of ['currency', 'exchangeRate', 'priceMode'] as const) setValue(key, start[key], options);
    }
  };

  return (
    <Section title={t('issueAdvance.rozTitle')} testId="issue-settled-advances">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('issueAdvance.rozIntro')}
      </Typography>
      <FieldRow columns="1fr">
        <TextField
          select
          size="small"
          label={t('issueAdvance.pick')}
          value=""
          onChange={(event) => void pick(event.target.value)}
          disabled={candidates.length === 0}
          helperText={candidates.length === 0 ? t('issueAdvance.noneSent') : ' '}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'advance-pick' } }}
        >
          {candidates.map((item) => (
            <MenuItem key={item.id} value={item.id}>
              {item.invoiceNumber} · {item.issueDate} · {item.buyerName} · {formatAmountPl(item.grossTotal)} {item.currency} · {item.ksefNumber}
            </MenuItem>
          ))}
        </TextField>
      </FieldRow>
      {fields.map((row, index) => {
        const outside = settled[index]?.outsideKsef === true;
        return (
          <Box key={row.id} data-testid="settled-advance" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: COLUMNS }, gap: 2, alignItems: 'start', mb: 1.5 }}>
            <FormCheckbox name={`advance.settled.${index}.outsideKsef` as IssueFieldPath} label={t('issueAdvance.outsideKsef')} testId="settled-outside" />
            <FormText name={`advance.settled.${index}.reference` as IssueFieldPath} label={outside ? t('issueAdvance.number') : t('issueAdvance.ksefNumber')} testId="settled-reference" />
            <FormText name={`advance.settled.${index}.gross` as IssueFieldPath} label={t('issueAdvance.gross')} inputMode="decimal" testId="settled-gross" />
            <IconButton size="small" aria-label={t('issueAdvance.remove', { index: index + 1 })} onClick={() => remove(index)} sx={{ mt: 0.5 }}>
              <DeleteOutlineIcon fontSize="small" />
            </IconButton>
          </Box>
        );
      })}
      {sent.isError ? <ErrorAlert error={sent.error} /> : null}
      {failure ? <ErrorAlert error={failure} /> : null}
      {arrayError ? (
        <Typography variant="body2" color="error" role="alert" sx={{ mb: 1 }}>
          {problemText(t, arrayError)}
        </Typography>
      ) : null}
      <Button size="small" startIcon={<AddOutlinedIcon />} onClick={() => append(blank, { shouldFocus: true, focusName: `advance.settled.${fields.length}.reference` })} data-testid="settled-add">
        {t('issueAdvance.add')}
      </Button>
    </Section>
  );
}

/** The advance data of the kinds that have it: the payment received (ZAL) or the advance invoices settled (ROZ). */
export function AdvanceSection({ kind, nip }: { kind: IssueFormValues['kind']; nip: string }) {
  if (kind === 'ZAL') return <ReceivedAdvance />;
  if (kind === 'ROZ') return <SettledAdvances nip={nip} />;
  return null;
}
