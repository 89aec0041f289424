import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { useDeferredValue } from 'react';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { normalizeBuyerIdentifier } from '../../../shared/domain/buyer-identifier';
import { BUYER_IDENTIFIER_TYPES, type Contractor, type IssueFormValues } from '../../../shared/ipc/channels/issue';
import { useKsefApi } from '../../api/api-context';
import { FormCheckbox, FormSelect, FormText, problemText } from './fields';
import { useContractors } from './queries';
import { FieldRow, Section } from './Section';

function identifierLabel(contractor: Contractor): string {
  if (contractor.identifierType === 'NONE') return '';
  return contractor.identifierType === 'NIP' ? `NIP ${contractor.identifier}` : `${contractor.identifierCountry} ${contractor.identifier}`;
}

/** The buyer: typed, or picked from the contractors book by name (or found by the NIP typed). */
export function BuyerSection({ nip }: { nip: string }) {
  const { t } = useTranslation();
  const api = useKsefApi();
  const { control, setValue, getValues } = useFormContext<IssueFormValues>();
  const identifierType = useWatch({ control, name: 'buyer.identifierType' });
  const { field: nameField, fieldState: nameState } = useController({ control, name: 'buyer.name' });
  const query = useDeferredValue(nameField.value);
  const contractors = useContractors(nip, query);

  const fill = (contractor: Contractor) => {
    const options = { shouldDirty: true, shouldValidate: false };
    setValue('buyer.contractorId', contractor.id, options);
    setValue('buyer.identifierType', contractor.identifierType, options);
    setValue('buyer.identifier', contractor.identifier, options);
    setValue('buyer.identifierCountry', contractor.identifierCountry, options);
    setValue('buyer.name', contractor.name, options);
    setValue('buyer.address', contractor.address, options);
    setValue('buyer.email', contractor.email, options);
  };

  /** A NIP typed by hand that is already in the book brings its name and address (when those are empty). */
  const lookUpIdentifier = async () => {
    const buyer = getValues('buyer');
    if (buyer.identifierType === 'NONE' || buyer.name.trim() !== '') return;
    const value = normalizeBuyerIdentifier({ type: buyer.identifierType, identifier: buyer.identifier, country: buyer.identifierCountry });
    if (!value) return;
    const result = await api.issue.contractorsList({ companyNip: nip, query: value });
    const match = result.ok ? result.value.find((entry) => entry.identifierType === buyer.identifierType && entry.identifier === value) : undefined;
    if (match && getValues('buyer.name').trim() === '') fill(match);
  };

  const identifierField =
    identifierType === 'NONE' ? null : (
      <FormText
        name="buyer.identifier"
        label={identifierType === 'NIP' ? t('issue.buyer.nip') : identifierType === 'EU_VAT' ? t('issue.buyer.euVat') : t('issue.buyer.foreignId')}
        inputMode={identifierType === 'NIP' ? 'numeric' : 'text'}
        testId="buyer-identifier"
        onBlur={() => void lookUpIdentifier()}
      />
    );

  return (
    <Section title={t('issue.sections.buyer')} testId="issue-buyer">
      <FieldRow columns={identifierType === 'EU_VAT' || identifierType === 'FOREIGN' ? '1.1fr 0.5fr 1fr 2.2fr' : '1.1fr 1fr 2.7fr'}>
        <FormSelect name="buyer.identifierType" label={t('issue.buyer.identifierType')} options={BUYER_IDENTIFIER_TYPES.map((type) => ({ value: type, label: t(`issue.buyer.types.${type}`) }))} testId="buyer-identifier-type" />
        {identifierType === 'EU_VAT' || identifierType === 'FOREIGN' ? <FormText name="buyer.identifierCountry" label={t('issue.buyer.country')} testId="buyer-country" slotProps={{ htmlInput: { maxLength: 2, style: { textTransform: 'uppercase' } } }} /> : null}
        {identifierField ?? <span />}
        <Autocomplete<Contractor, false, false, true>
          freeSolo
          options={contractors.data ?? []}
          filterOptions={(options) => options}
          getOptionLabel={(option) => (typeof option === 'string' ? option : option.name)}
          inputValue={nameField.value}
          onInputChange={(_event, value, reason) => {
            if (reason !== 'reset') nameField.onChange(value);
          }}
          onChange={(_event, value) => {
            if (value && typeof value !== 'string') fill(value);
          }}
          renderOption={({ key, ...props }, option) => (
            <Box component="li" key={key} {...props}>
              <Box>
                <Typography variant="body2">{option.name}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {[identifierLabel(option), option.address.line2].filter(Boolean).join(' · ')}
                </Typography>
              </Box>
            </Box>
          )}
          renderInput={(params) => (
            <TextField
              {...params}
              size="small"
              label={t('issue.buyer.name')}
              inputRef={nameField.ref}
              onBlur={nameField.onBlur}
              error={Boolean(nameState.error)}
              helperText={nameState.error ? problemText(t, nameState.error.message) : undefined}
              slotProps={{ ...params.slotProps, inputLabel: { ...params.slotProps.inputLabel, shrink: true }, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'buyer-name' } }}
            />
          )}
        />
      </FieldRow>
      <FieldRow columns="2fr 2fr 0.7fr 1.6fr">
        <FormText name="buyer.address.line1" label={t('issue.buyer.line1')} testId="buyer-line1" />
        <FormText name="buyer.address.line2" label={t('issue.buyer.line2')} testId="buyer-line2" />
        <FormText name="buyer.address.countryCode" label={t('issue.buyer.addressCountry')} testId="buyer-address-country" slotProps={{ htmlInput: { maxLength: 2 } }} />
        <FormText name="buyer.email" label={t('issue.buyer.email')} type="email" testId="buyer-email" />
      </FieldRow>
      <FormCheckbox name="buyer.saveToBook" label={t('issue.buyer.saveToBook')} testId="buyer-save-to-book" />
    </Section>
  );
}
