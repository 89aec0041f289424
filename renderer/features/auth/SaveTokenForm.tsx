import { Button, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountKeys } from '../../api/account-queries';
import { unwrap, useKsefApi } from '../../api/api-context';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';

/** A token generated elsewhere (e.g. the KSeF web app), kept encrypted on this computer for signing in. */
export function SaveTokenForm({ nip, onSaved }: { nip: string; onSaved(id: string): void }) {
  const { t } = useTranslation();
  const api = useKsefApi();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState('');
  const [token, setToken] = useState('');
  const save = useMutation({
    mutationFn: () => unwrap(api.tokens.save({ nip, description: description.trim(), token: token.trim() })),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: accountKeys.savedTokens });
      setOpen(false);
      setToken('');
      onSaved(saved.id);
    },
  });

  if (!open) {
    return (
      <Button size="small" onClick={() => setOpen(true)} sx={{ alignSelf: 'flex-start' }}>
        {t('tokens.addExisting')}
      </Button>
    );
  }
  const valid = description.trim().length >= 5 && token.trim().length >= 20;
  return (
    <Stack spacing={1}>
      <TextField size="small" label={t('tokens.description')} helperText={t('tokens.descriptionHint')} value={description} onChange={(e) => setDescription(e.target.value)} slotProps={{ htmlInput: { maxLength: 256 } }} />
      <TextField size="small" type="password" label={t('tokens.secret')} value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" slotProps={{ htmlInput: { maxLength: 200 } }} />
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <BusyButton size="small" variant="outlined" busy={save.isPending} disabled={!valid} onClick={() => save.mutate()} sx={{ alignSelf: 'flex-start' }}>
        {t('tokens.addExisting')}
      </BusyButton>
    </Stack>
  );
}
