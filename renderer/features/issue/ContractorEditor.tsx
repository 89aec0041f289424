import { Box, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EU_VAT_COUNTRIES } from '../../../shared/domain/buyer-identifier';
import type { ContractorField } from '../../../shared/domain/issuing/book-rules';
import { BUYER_IDENTIFIER_TYPES, type BuyerIdentifierType, type Contractor, type ContractorInput } from '../../../shared/ipc/channels/issue';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BookField, BookRow, EditorActions, useShownProblems } from './book-fields';
import { contractorDraft, contractorInputOf, contractorMessages, contractorMessagesOf, problemsOfFailure, withIdentifierCountry, type ContractorMessages } from './book-validation';
import { useBookMutations } from './queries';

/** One contractor of the book, added by hand or edited: checked at each field before main checks it again. */
export function ContractorEditor({ nip, entry, onDone, onCancel }: { nip: string; entry?: Contractor; onDone: (saved: Contractor) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const save = useBookMutations(nip).saveContractor;
  const [draft, setDraft] = useState<ContractorInput>(() => contractorDraft(entry));
  const [refused, setRefused] = useState<ContractorMessages>({});
  const shown = useShownProblems<ContractorField>();
  const checks = contractorMessages(draft);
  const message = (field: ContractorField) => refused[field] ?? (shown.isShown(field) ? checks[field] : undefined);

  /** A change clears main's answer for that field (the identifier's also when its type or country changes). */
  const change = (fields: ContractorField[], next: ContractorInput) => {
    setDraft(next);
    setRefused((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !fields.includes(field as ContractorField))));
  };
  const setType = (identifierType: BuyerIdentifierType) => {
    // A country kept from the other type only where it still fits (the EU select offers member states only).
    const isMember = (EU_VAT_COUNTRIES as readonly string[]).includes(draft.identifierCountry);
    let identifierCountry = '';
    if (identifierType === 'EU_VAT' && isMember) identifierCountry = draft.identifierCountry;
    if (identifierType === 'FOREIGN') identifierCountry = draft.identifierCountry;
    change(['identifier', 'identifierCountry', 'name'], { ...draft, identifierType, identifierCountry });
  };
  const setAddress = (field: ContractorField, key: keyof ContractorInput['address'], value: string) => change([field], { ...draft, address: { ...draft.address, [key]: value } });

  const submit = () => {
    shown.submit();
    if (Object.keys(checks).length > 0) return;
    const contractor = contractorInputOf(draft);
    save.mutate(
      { contractor, ...(entry ? {} : { asNew: true }) },
      {
        onSuccess: onDone,
        onError: (error) => {
          const problems = problemsOfFailure(error);
          if (problems) setRefused(contractorMessagesOf(problems, contractor.identifierType));
        },
      },
    );
  };

  const type = draft.identifierType;
  const identifierLabel = type === 'NIP' ? t('issueBooks.fields.nip') : type === 'EU_VAT' ? t('issueBooks.fields.euVat') : t('issueBooks.fields.foreignId');
  const countryField =
    type === 'EU_VAT' ? (
      <BookField
        label={t('issueBooks.fields.country')}
        value={draft.identifierCountry}
        onChange={(value) => change(['identifier', 'identifierCountry', 'addressCountry'], withIdentifierCountry(draft, value))}
        options={[{ value: '', label: '—' }, ...EU_VAT_COUNTRIES.map((code) => ({ value: code, label: code }))]}
        message={message('identifierCountry')}
        testId="contractor-country"
      />
    ) : (
      <BookField
        label={t('issueBooks.fields.country')}
        value={draft.identifierCountry}
        onChange={(value) => change(['identifier', 'identifierCountry', 'addressCountry'], withIdentifierCountry(draft, value))}
        onBlur={() => shown.leave('identifierCountry')}
        message={message('identifierCountry')}
        testId="contractor-country"
        slotProps={{ htmlInput: { maxLength: 2 } }}
      />
    );
  const hasCountry = type === 'EU_VAT' || type === 'FOREIGN';

  return (
    <Box component="form" noValidate onSubmit={(event) => {
        event.preventDefault();
        submit();
      }} data-testid="contractor-editor">
      <Typography variant="subtitle1" sx={{ mb: 2, fontWeight: 600 }}>
        {entry ? t('issueBooks.editContractor') : t('issueBooks.newContractor')}
      </Typography>
      <Stack spacing={0.5}>
        <BookRow columns={hasCountry ? '1.4fr 0.6fr 1.6fr' : '1.4fr 2.2fr'}>
          <BookField
            label={t('issueBooks.fields.identifierType')}
            value={type}
            onChange={(value) => setType(value as BuyerIdentifierType)}
            options={BUYER_IDENTIFIER_TYPES.map((value) => ({ value, label: t(`issue.buyer.types.${value}`) }))}
            message={undefined}
            testId="contractor-identifier-type"
          />
          {hasCountry ? countryField : null}
          {type === 'NONE' ? (
            <span />
          ) : (
            <BookField
              label={identifierLabel}
              value={draft.identifier}
              onChange={(value) => change(['identifier'], { ...draft, identifier: value })}
              onBlur={() => shown.leave('identifier')}
              message={message('identifier')}
              testId="contractor-identifier"
              autoFocus={!entry}
              slotProps={{ htmlInput: { inputMode: type === 'NIP' ? 'numeric' : 'text' } }}
            />
          )}
        </BookRow>
        <BookRow columns="1.7fr 1fr">
          <BookField
            label={t('issueBooks.fields.name')}
            value={draft.name}
            onChange={(value) => change(['name'], { ...draft, name: value })}
            onBlur={() => shown.leave('name')}
            message={message('name')}
            testId="contractor-name"
            required
          />
          <BookField
            label={t('issueBooks.fields.email')}
            type="email"
            value={draft.email}
            onChange={(value) => change(['email'], { ...draft, email: value })}
            onBlur={() => shown.leave('email')}
            message={message('email')}
            testId="contractor-email"
          />
        </BookRow>
        <BookRow columns="1.5fr 1.5fr 0.6fr">
          <BookField label={t('issueBooks.fields.line1')} value={draft.address.line1} onChange={(value) => setAddress('addressLine1', 'line1', value)} onBlur={() => shown.leave('addressLine1')} message={message('addressLine1')} testId="contractor-line1" />
          <BookField label={t('issueBooks.fields.line2')} value={draft.address.line2} onChange={(value) => setAddress('addressLine2', 'line2', value)} onBlur={() => shown.leave('addressLine2')} message={message('addressLine2')} testId="contractor-line2" />
          <BookField
            label={t('issueBooks.fields.addressCountry')}
            value={draft.address.countryCode}
            onChange={(value) => setAddress('addressCountry', 'countryCode', value.toUpperCase())}
            onBlur={() => shown.leave('addressCountry')}
            message={message('addressCountry')}
            testId="contractor-address-country"
            slotProps={{ htmlInput: { maxLength: 2 } }}
          />
        </BookRow>
      </Stack>
      {save.isError && !problemsOfFailure(save.error) ? <ErrorAlert error={save.error} /> : null}
      <EditorActions busy={save.isPending} onCancel={onCancel} testIdPrefix="contractor" />
    </Box>
  );
}
