import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Alert, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/ipc/contract';
import { useSetPassphrase, useUnlockVault, useVaultStatus } from '../../api/account-queries';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/error-text';
import { PassphraseStrengthMeter } from './PassphraseStrengthMeter';

/**
 * Shows its children only when private keys can be used. Otherwise asks for the key-store passphrase:
 * on first use to choose it (typed twice), later once per run to unlock.
 */
export function VaultGate({ children }: { children: ReactNode }) {
  const status = useVaultStatus();
  if (status.isError) return <ErrorAlert error={status.error} />;
  if (!status.data) return null;
  if (status.data.state === 'unlocked') return <>{children}</>;
  return <PassphraseCard firstUse={status.data.state === 'notSet'} />;
}

function PassphraseCard({ firstUse }: { firstUse: boolean }) {
  const { t } = useTranslation();
  const setPassphrase = useSetPassphrase();
  const unlock = useUnlockVault();
  const [passphrase, setValue] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [touched, setTouched] = useState(false);
  // The meter's verdict for the passphrase it measured; none yet (dictionaries still loading) blocks nothing.
  const [verdict, setVerdict] = useState<{ passphrase: string; acceptable: boolean } | null>(null);
  const onStrength = useCallback((acceptable: boolean, measured: string) => setVerdict({ passphrase: measured, acceptable }), []);
  const knownWeak = firstUse && verdict?.passphrase === passphrase && !verdict.acceptable;
  const mutation = firstUse ? setPassphrase : unlock;

  const tooShort = firstUse && passphrase.length < MIN_PASSPHRASE_LENGTH;
  const mismatch = firstUse && confirmation !== passphrase;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    // The meter is advice for typing; main checks the same rule again and has the last word.
    if (passphrase.length === 0 || tooShort || mismatch || knownWeak) return;
    mutation.mutate(passphrase, { onSuccess: () => (setValue(''), setConfirmation('')) });
  };

  return (
    <Card variant="outlined" sx={{ maxWidth: 560 }} data-testid="vault-gate">
      <CardContent>
        <Stack component="form" spacing={2} onSubmit={submit} noValidate>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <LockOutlinedIcon color="primary" />
            <Typography variant="h6" component="h2">
              {t('vault.title')}
            </Typography>
          </Stack>
          <Typography variant="body2">{firstUse ? t('vault.setIntro') : t('vault.unlockIntro')}</Typography>
          <TextField
            type="password"
            label={t('vault.passphrase')}
            value={passphrase}
            onChange={(event) => setValue(event.target.value)}
            autoFocus
            autoComplete={firstUse ? 'new-password' : 'current-password'}
            error={(touched && tooShort) || mutation.isError}
            helperText={
              mutation.isError ? errorText(mutation.error) : touched && tooShort ? t('vault.tooShort', { min: MIN_PASSPHRASE_LENGTH }) : ' '
            }
            slotProps={{ htmlInput: { maxLength: 256, 'data-testid': 'vault-passphrase' } }}
          />
          {firstUse ? <PassphraseStrengthMeter passphrase={passphrase} onChange={onStrength} /> : null}
          {firstUse ? (
            <TextField
              type="password"
              label={t('vault.confirm')}
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
              autoComplete="new-password"
              error={touched && mismatch}
              helperText={touched && mismatch ? t('vault.mismatch') : ' '}
              slotProps={{ htmlInput: { maxLength: 256, 'data-testid': 'vault-passphrase-confirm' } }}
            />
          ) : null}
          {firstUse ? <Alert severity="info">{t('vault.forgotHint')}</Alert> : null}
          <BusyButton type="submit" variant="contained" busy={mutation.isPending} sx={{ alignSelf: 'flex-start' }}>
            {firstUse ? t('vault.set') : t('vault.unlock')}
          </BusyButton>
        </Stack>
      </CardContent>
    </Card>
  );
}
