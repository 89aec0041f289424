import AddOutlinedIcon from '@mui/icons-material/AddOutlined';
import { Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidNip, normalizeNip } from '../../../shared/domain/nip';
import { useCompanyMutations } from '../../api/account-queries';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';

/** NIP (checked as typed: format and checksum) and a name. */
export function AddCompanyForm() {
  const { t } = useTranslation();
  const { add } = useCompanyMutations();
  const [nip, setNip] = useState('');
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const normalized = normalizeNip(nip);
  const nipValid = isValidNip(normalized);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!nipValid || !name.trim()) return;
    add.mutate(
      { nip: normalized, name: name.trim() },
      {
        onSuccess: () => {
          setNip('');
          setName('');
          setTouched(false);
        },
      },
    );
  };

  return (
    <Stack component="form" spacing={1} onSubmit={submit} noValidate data-testid="add-company-form">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label={t('companies.nip')}
          value={nip}
          onChange={(event) => setNip(event.target.value)}
          error={touched && !nipValid}
          helperText={touched && !nipValid ? t('companies.invalidNip') : ' '}
          slotProps={{ htmlInput: { maxLength: 20, inputMode: 'numeric', 'data-testid': 'company-nip' } }}
        />
        <TextField
          label={t('companies.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={touched && !name.trim()}
          helperText=" "
          sx={{ flexGrow: 1 }}
          slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'company-name' } }}
        />
        <BusyButton type="submit" variant="contained" startIcon={<AddOutlinedIcon />} busy={add.isPending} sx={{ mt: 1 }}>
          {t('companies.add')}
        </BusyButton>
      </Stack>
      {add.isError ? <ErrorAlert error={add.error} /> : null}
    </Stack>
  );
}
