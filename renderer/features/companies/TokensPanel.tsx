import { Card, CardContent, CardHeader, Checkbox, Chip, FormControlLabel, FormGroup, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TOKEN_PERMISSIONS, type TokenPermission } from '../../../shared/ipc/contract';
import { useTokenMutations, useTokens } from '../../api/account-queries';
import { BusyButton } from '../../components/BusyButton';
import { RevocableList } from '../../components/RevocableList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../certificates/format';
import { TokenSecret } from './TokenSecret';

/** KSeF tokens of the signed-in company: generate (secret shown once), list, revoke. */
export function TokensPanel() {
  const { t } = useTranslation();
  const tokens = useTokens(true);
  const { create, revoke } = useTokenMutations();
  const [description, setDescription] = useState('');
  const [permissions, setPermissions] = useState<TokenPermission[]>(['InvoiceRead', 'InvoiceWrite']);
  const [save, setSave] = useState(true);
  const [secret, setSecret] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const descriptionValid = description.trim().length >= 5;

  const toggle = (permission: TokenPermission) =>
    setPermissions((current) => (current.includes(permission) ? current.filter((p) => p !== permission) : [...current, permission]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!descriptionValid || permissions.length === 0) return;
    create.mutate(
      { description: description.trim(), permissions, save },
      {
        onSuccess: (created) => {
          setSecret(created.token);
          setDescription('');
          setTouched(false);
        },
      },
    );
  };

  return (
    <Card variant="outlined" data-testid="tokens-panel">
      <CardHeader title={t('tokens.title')} subheader={t('tokens.intro')} />
      <CardContent>
        <Stack spacing={2}>
          {secret ? <TokenSecret secret={secret} onHide={() => setSecret(null)} /> : null}
          <Stack component="form" spacing={1} onSubmit={submit} noValidate>
            <TextField
              label={t('tokens.description')}
              helperText={touched && !descriptionValid ? t('tokens.descriptionTooShort') : t('tokens.descriptionHint')}
              error={touched && !descriptionValid}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              slotProps={{ htmlInput: { maxLength: 256, 'data-testid': 'token-description' } }}
            />
            <Typography variant="subtitle2">{t('tokens.permissions')}</Typography>
            <FormGroup row>
              {TOKEN_PERMISSIONS.map((permission) => (
                <FormControlLabel
                  key={permission}
                  control={<Checkbox checked={permissions.includes(permission)} onChange={() => toggle(permission)} />}
                  label={t(`tokens.permissionNames.${permission}`)}
                />
              ))}
            </FormGroup>
            {touched && permissions.length === 0 ? <Typography color="error" variant="body2">{t('tokens.noPermissions')}</Typography> : null}
            <FormControlLabel control={<Checkbox checked={save} onChange={(event) => setSave(event.target.checked)} />} label={t('tokens.save')} />
            {create.isError ? <ErrorAlert error={create.error} /> : null}
            <BusyButton
              type="submit"
              variant="contained"
              busy={create.isPending}
              busyLabel={t('tokens.creating')}
              sx={{ alignSelf: 'flex-start' }}
            >
              {t('tokens.create')}
            </BusyButton>
          </Stack>
          {tokens.isError ? <ErrorAlert error={tokens.error} /> : null}
          {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
          <RevocableList
            items={tokens.data}
            emptyText={t('tokens.empty')}
            itemKey={(token) => token.referenceNumber}
            primary={(token) => (
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <span>{token.description}</span>
                <Chip size="small" color={token.status === 'Active' ? 'success' : 'default'} label={t(`tokens.status.${token.status}`, { defaultValue: token.status })} />
                {token.savedTokenId ? <Chip size="small" variant="outlined" label={t('tokens.saved')} /> : null}
              </Stack>
            )}
            secondary={(token) => `${token.permissions.map((p) => t(`tokens.permissionNames.${p}`, { defaultValue: p })).join(', ')} · ${formatDate(token.createdAt)}`}
            canRevoke={(token) => token.status === 'Active' || token.status === 'Pending'}
            revokeLabel={t('tokens.revoke')}
            confirm={{
              title: t('tokens.revokeTitle'),
              body: (token) => t('tokens.revokeBody', { description: token.description }),
              confirmLabel: t('tokens.revokeConfirm'),
              cancelLabel: t('tokens.cancel'),
            }}
            onRevoke={(token) => revoke.mutate(token.referenceNumber)}
          />
        </Stack>
      </CardContent>
    </Card>
  );
}
