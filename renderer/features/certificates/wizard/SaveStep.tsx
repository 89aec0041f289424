import { Button, FormControl, InputLabel, MenuItem, Select, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateSummary } from '../../../../shared/ipc/channels/certificates';
import { useCompanies } from '../../../api/account-queries';
import { BusyButton } from '../../../components/BusyButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { VaultGate } from '../../vault/VaultGate';

const NO_DEFAULT = '';

export interface SaveStepProps {
  summary: CertificateSummary;
  busy: boolean;
  error: unknown;
  onSave(label: string, defaultForNip: string | undefined): void;
  onBack(): void;
}

/** Step 4: a name for the certificate and the company it signs in to by default; needs the key store open. */
export function SaveStep({ summary, busy, error, onSave, onBack }: SaveStepProps) {
  const { t } = useTranslation();
  const companies = useCompanies();
  const [label, setLabel] = useState(summary.ownerName.slice(0, 100));
  const [defaultNip, setDefaultNip] = useState(summary.nip ?? NO_DEFAULT);
  const known = companies.data?.companies ?? [];
  const options = [...known.map((company) => ({ nip: company.nip, text: `${company.name} (NIP ${company.nip})` }))];
  if (summary.nip && !known.some((company) => company.nip === summary.nip)) {
    options.unshift({ nip: summary.nip, text: t('wizard.certificateNip', { nip: summary.nip }) });
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (label.trim().length === 0) return;
    onSave(label.trim(), defaultNip === NO_DEFAULT ? undefined : defaultNip);
  };

  return (
    <VaultGate>
      <Stack component="form" spacing={2} onSubmit={submit} noValidate sx={{ maxWidth: 560 }}>
        <TextField
          label={t('wizard.label')}
          helperText={t('wizard.labelHint')}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          required
          error={label.trim().length === 0}
          slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'certificate-label' } }}
        />
        <FormControl>
          <InputLabel id="default-company-label">{t('wizard.defaultCompany')}</InputLabel>
          <Select
            labelId="default-company-label"
            label={t('wizard.defaultCompany')}
            value={defaultNip}
            onChange={(event) => setDefaultNip(event.target.value)}
            data-testid="certificate-default-company"
          >
            {options.map((option) => (
              <MenuItem key={option.nip} value={option.nip}>
                {option.text}
              </MenuItem>
            ))}
            <MenuItem value={NO_DEFAULT}>{t('wizard.noDefault')}</MenuItem>
          </Select>
        </FormControl>
        {error ? <ErrorAlert error={error} /> : null}
        <Stack direction="row" spacing={1}>
          <Button onClick={onBack} disabled={busy}>
            {t('wizard.back')}
          </Button>
          <BusyButton type="submit" variant="contained" busy={busy} busyLabel={t('wizard.saving')}>
            {t('wizard.save')}
          </BusyButton>
        </Stack>
      </Stack>
    </VaultGate>
  );
}
