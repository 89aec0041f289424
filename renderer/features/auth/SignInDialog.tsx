import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  InputLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Select,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCertificates, useCompanies, useCompanyMutations, useSavedTokens, useSignIn } from '../../api/account-queries';
import { useSettings } from '../../api/queries';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { VaultGate } from '../vault/VaultGate';
import { SaveTokenForm } from './SaveTokenForm';

const DEFAULT_CERTIFICATE = 'default';

/** Choose company, then certificate or saved token; main signs in and keeps the session. */
export function SignInDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const companies = useCompanies();
  const certificates = useCertificates();
  const savedTokens = useSavedTokens();
  const settings = useSettings();
  const signIn = useSignIn();
  const { select } = useCompanyMutations();
  const [chosenNip, setNip] = useState<string | null>(null);
  const [method, setMethod] = useState<'certificate' | 'token'>('certificate');
  const [certificateId, setCertificateId] = useState(DEFAULT_CERTIFICATE);
  const [chosenToken, setToken] = useState<string | null>(null);

  const environment = settings.data?.environment ?? 'sandbox';
  const list = companies.data?.companies ?? [];
  const nip = chosenNip ?? companies.data?.selectedNip ?? list[0]?.nip ?? '';
  const usable = (certificates.data ?? []).filter((entry) => entry.canSignIn);
  const tokens = (savedTokens.data ?? []).filter((token) => token.contextNip === nip && token.environment === environment);
  const tokenId = chosenToken ?? tokens[0]?.id ?? '';
  const canSubmit = nip !== '' && (method === 'certificate' ? usable.length > 0 : tokenId !== '');

  const submit = () => {
    const request =
      method === 'certificate'
        ? { nip, method: { kind: 'certificate' as const, ...(certificateId !== DEFAULT_CERTIFICATE ? { certificateId } : {}) } }
        : { nip, method: { kind: 'token' as const, savedTokenId: tokenId } };
    signIn.mutate(request, {
      onSuccess: () => {
        if (companies.data?.selectedNip !== nip) select.mutate(nip);
        onClose();
      },
    });
  };

  return (
    <Dialog open={open} onClose={signIn.isPending ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="sign-in-title">
      <DialogTitle id="sign-in-title">{t('auth.dialogTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {t('auth.environmentNote', { environment: t(`environment.${environment}`) })}
          </Typography>
          {list.length === 0 ? <Alert severity="info">{t('auth.noCompanies')}</Alert> : null}
          {list.length > 0 ? (
            <VaultGate>
              <Stack spacing={2}>
                <FormControl>
                  <InputLabel id="sign-in-company">{t('auth.company')}</InputLabel>
                  <Select labelId="sign-in-company" label={t('auth.company')} value={nip} onChange={(event) => setNip(event.target.value)} data-testid="sign-in-company">
                    {list.map((company) => (
                      <MenuItem key={company.nip} value={company.nip}>
                        {company.name} (NIP {company.nip})
                      </MenuItem>
                    ))}
                  </Select>
                </FormControl>
                <RadioGroup row value={method} onChange={(event) => setMethod(event.target.value === 'token' ? 'token' : 'certificate')} aria-label={t('auth.method')}>
                  <FormControlLabel value="certificate" control={<Radio />} label={t('auth.withCertificate')} />
                  <FormControlLabel value="token" control={<Radio />} label={t('auth.withToken')} />
                </RadioGroup>
                {method === 'certificate' && usable.length === 0 ? <Alert severity="info">{t('auth.noCertificates')}</Alert> : null}
                {method === 'certificate' && usable.length > 0 ? (
                  <FormControl>
                    <InputLabel id="sign-in-certificate">{t('auth.certificate')}</InputLabel>
                    <Select labelId="sign-in-certificate" label={t('auth.certificate')} value={certificateId} onChange={(event) => setCertificateId(event.target.value)}>
                      <MenuItem value={DEFAULT_CERTIFICATE}>{t('auth.defaultCertificate')}</MenuItem>
                      {usable.map((entry) => (
                        <MenuItem key={entry.id} value={entry.id}>
                          {entry.label}
                        </MenuItem>
                      ))}
                    </Select>
                  </FormControl>
                ) : null}
                {method === 'token' && tokens.length === 0 ? <Alert severity="info">{t('auth.noTokens')}</Alert> : null}
                {method === 'token' && tokens.length > 0 ? (
                  <FormControl>
                    <InputLabel id="sign-in-token">{t('auth.token')}</InputLabel>
                    <Select labelId="sign-in-token" label={t('auth.token')} value={tokenId} onChange={(event) => setToken(event.target.value)}>
                      {tokens.map((token) => (
                        <MenuItem key={token.id} value={token.id}>
                          {token.description}
                        </MenuItem>
                      ))}
                    </Select>
                  </FormControl>
                ) : null}
                {method === 'token' && nip ? <SaveTokenForm nip={nip} onSaved={setToken} /> : null}
                {signIn.isError ? <ErrorAlert error={signIn.error} /> : null}
              </Stack>
            </VaultGate>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={signIn.isPending}>
          {t('auth.cancel')}
        </Button>
        <BusyButton variant="contained" busy={signIn.isPending} busyLabel={t('auth.signingIn')} disabled={!canSubmit} onClick={submit} data-testid="sign-in-submit">
          {t('auth.submit')}
        </BusyButton>
      </DialogActions>
    </Dialog>
  );
}
