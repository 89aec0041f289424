import VisibilityOffOutlinedIcon from '@mui/icons-material/VisibilityOffOutlined';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import { Alert, Button, IconButton, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '../../../components/BusyButton';
import { IpcFailure } from '../../../api/api-context';
import { errorCode, errorText } from '../../../components/error-text';
import { formatSize } from '../format';

/** Codes that are about the password: shown under the field, the user just types again. */
const PASSWORD_CODES = new Set(['WRONG_PASSWORD', 'PASSWORD_REQUIRED']);
const KEY_PROBLEMS = new Set(['RSA_KEY_TOO_SHORT', 'EC_CURVE_NOT_ACCEPTED', 'KEY_TYPE_NOT_ACCEPTED']);

export interface PasswordStepProps {
  file: File;
  busy: boolean;
  error: unknown;
  onSubmit(password: string): void;
  onBack(): void;
}

/** Step 2: the file's password (empty for unencrypted files); a wrong one is reported in place. */
export function PasswordStep({ file, busy, error, onSubmit, onBack }: PasswordStepProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [visible, setVisible] = useState(false);
  const code = errorCode(error);
  const fieldError = error && code && PASSWORD_CODES.has(code) ? errorText(error) : null;
  const fileError = error && !fieldError ? errorText(error) : null;
  // KSeF's key rules: say which one this certificate breaks (e.g. an RSA key under 2048 bits).
  const keyProblem = error instanceof IpcFailure && code === 'CERT_KEY_NOT_ACCEPTED' ? error.payload.details?.find((detail) => KEY_PROBLEMS.has(detail)) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(password);
  };

  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate>
      <Typography variant="body2" color="text.secondary">
        {t('wizard.chosen', { name: file.name, size: formatSize(file.size) })}
      </Typography>
      <Typography>{t('wizard.passwordIntro', { name: file.name })}</Typography>
      <TextField
        type={visible ? 'text' : 'password'}
        label={t('wizard.password')}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        autoFocus
        autoComplete="off"
        error={fieldError !== null}
        helperText={fieldError ?? ' '}
        slotProps={{
          htmlInput: { maxLength: 256, 'data-testid': 'certificate-password' },
          formHelperText: fieldError ? { role: 'alert' } : {},
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <IconButton onClick={() => setVisible(!visible)} aria-label={visible ? t('wizard.hidePassword') : t('wizard.showPassword')} edge="end">
                  {visible ? <VisibilityOffOutlinedIcon /> : <VisibilityOutlinedIcon />}
                </IconButton>
              </InputAdornment>
            ),
          },
        }}
      />
      {fileError ? (
        <Alert severity="error" role="alert">
          {fileError}
          {keyProblem ? <div data-testid="certificate-key-problem">{t('certificateKey.reasonLine', { reason: t(`certificateKey.${keyProblem}`) })}</div> : null}
        </Alert>
      ) : null}
      <Stack direction="row" spacing={1}>
        <Button onClick={onBack} disabled={busy}>
          {t('wizard.back')}
        </Button>
        <BusyButton type="submit" variant="contained" busy={busy} busyLabel={t('wizard.reading')}>
          {t('wizard.next')}
        </BusyButton>
      </Stack>
    </Stack>
  );
}
