import { Alert, FormControlLabel, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ENVIRONMENT_DESCRIPTORS, type KsefEnvironment } from '../../../shared/domain/environments';
import { isValidNip, normalizeNip } from '../../../shared/domain/nip';
import { isValidPesel, normalizePesel } from '../../../shared/domain/pesel';
import type { CertificateKeyAlgorithm } from '../../../shared/ipc/channels/certificates';
import { useCreateTestCertificate } from '../../api/account-queries';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';

/** "I have no certificate": a self-signed test certificate for the sandbox and TEST (refused elsewhere). */
export function TestCertificateForm({ environment }: { environment: KsefEnvironment }) {
  const { t } = useTranslation();
  const create = useCreateTestCertificate();
  const [kind, setKind] = useState<'nip' | 'pesel'>('nip');
  const [identifier, setIdentifier] = useState('');
  const [givenName, setGivenName] = useState('');
  const [surname, setSurname] = useState('');
  const [key, setKey] = useState<CertificateKeyAlgorithm>('ec');
  const [touched, setTouched] = useState(false);

  if (!ENVIRONMENT_DESCRIPTORS[environment].acceptsTestCertificates) {
    return <Alert severity="info">{t('testCertificate.notHere', { environment: t(`environment.${environment}`) })}</Alert>;
  }

  const value = kind === 'nip' ? normalizeNip(identifier) : normalizePesel(identifier);
  const identifierValid = kind === 'nip' ? isValidNip(value) : isValidPesel(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!identifierValid || !givenName.trim() || !surname.trim()) return;
    const subject = { kind: 'person' as const, ...(kind === 'nip' ? { nip: value } : { pesel: value }), givenName: givenName.trim(), surname: surname.trim() };
    create.mutate({ subject, keyAlgorithm: key });
  };

  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate sx={{ maxWidth: 560 }} data-testid="test-certificate-form">
      <Typography variant="body2">{t('testCertificate.intro')}</Typography>
      <RadioGroup row value={kind} onChange={(event) => setKind(event.target.value === 'pesel' ? 'pesel' : 'nip')} aria-label={t('testCertificate.identifierKind')}>
        <FormControlLabel value="nip" control={<Radio />} label={t('testCertificate.nip')} />
        <FormControlLabel value="pesel" control={<Radio />} label={t('testCertificate.pesel')} />
      </RadioGroup>
      <TextField
        label={kind === 'nip' ? t('testCertificate.nip') : t('testCertificate.pesel')}
        value={identifier}
        onChange={(event) => setIdentifier(event.target.value)}
        error={touched && !identifierValid}
        helperText={touched && !identifierValid ? t(kind === 'nip' ? 'testCertificate.invalidNip' : 'testCertificate.invalidPesel') : ' '}
        slotProps={{ htmlInput: { maxLength: 20, inputMode: 'numeric', 'data-testid': 'test-certificate-identifier' } }}
      />
      <Stack direction="row" spacing={2}>
        <TextField label={t('testCertificate.givenName')} value={givenName} onChange={(e) => setGivenName(e.target.value)} error={touched && !givenName.trim()} fullWidth slotProps={{ htmlInput: { maxLength: 100 } }} />
        <TextField label={t('testCertificate.surname')} value={surname} onChange={(e) => setSurname(e.target.value)} error={touched && !surname.trim()} fullWidth slotProps={{ htmlInput: { maxLength: 100 } }} />
      </Stack>
      <RadioGroup row value={key} onChange={(event) => setKey(event.target.value === 'rsa' ? 'rsa' : 'ec')} aria-label={t('testCertificate.key')}>
        <FormControlLabel value="ec" control={<Radio />} label={t('testCertificate.keyEc')} />
        <FormControlLabel value="rsa" control={<Radio />} label={t('testCertificate.keyRsa')} />
      </RadioGroup>
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      {create.data ? <Alert severity="success">{t('testCertificate.created', { label: create.data.label })}</Alert> : null}
      <BusyButton type="submit" variant="contained" busy={create.isPending} busyLabel={t('testCertificate.creating')} sx={{ alignSelf: 'flex-start' }}>
        {t('testCertificate.create')}
      </BusyButton>
    </Stack>
  );
}
