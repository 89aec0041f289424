import AddOutlinedIcon from '@mui/icons-material/AddOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIban } from '../../../shared/domain/invoice/iban';
import { PAYMENT_METHODS, type SellerProfile } from '../../../shared/ipc/channels/issue';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSaveSellerProfile } from './queries';

const field = { size: 'small' as const, slotProps: { inputLabel: { shrink: true } } };

/** The seller's data printed on every invoice: address, contact, bank accounts, registers, defaults. */
export function SellerProfileDialog({ profile, open, onClose }: { profile: SellerProfile; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSellerProfile();
  const [draft, setDraft] = useState(profile);
  const [touched, setTouched] = useState(false);
  const set = <K extends keyof SellerProfile>(key: K, value: SellerProfile[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const badIban = (iban: string) => touched && !isValidIban(iban);
  const invalid = {
    krs: draft.krs !== '' && !/^\d{10}$/.test(draft.krs),
    regon: draft.regon !== '' && !/^(\d{9}|\d{14})$/.test(draft.regon),
    bdo: draft.bdo !== '' && !/^\d{1,9}$/.test(draft.bdo),
  };

  const submit = () => {
    setTouched(true);
    if (draft.bankAccounts.some((account) => !isValidIban(account.iban)) || invalid.krs || invalid.regon || invalid.bdo || !draft.name.trim()) return;
    save.mutate({ profile: draft }, { onSuccess: onClose });
  };

  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth data-testid="seller-profile-dialog">
      <DialogTitle>{t('issue.seller.title')}</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('issue.seller.intro', { name: profile.name })}
        </Typography>
        <Stack spacing={2}>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '2fr 1fr' }}>
            <TextField {...field} label={t('issue.seller.name')} value={draft.name} onChange={(event) => set('name', event.target.value)} error={touched && !draft.name.trim()} />
            <TextField {...field} label={t('issue.seller.nip')} value={draft.nip} disabled />
          </Box>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr 1fr' }}>
            <TextField {...field} label={t('issue.seller.line1')} value={draft.address.line1} onChange={(event) => set('address', { ...draft.address, line1: event.target.value })} slotProps={{ ...field.slotProps, htmlInput: { 'data-testid': 'seller-line1' } }} />
            <TextField {...field} label={t('issue.seller.line2')} value={draft.address.line2} onChange={(event) => set('address', { ...draft.address, line2: event.target.value })} slotProps={{ ...field.slotProps, htmlInput: { 'data-testid': 'seller-line2' } }} />
            <TextField {...field} label={t('issue.seller.email')} value={draft.email} onChange={(event) => set('email', event.target.value)} />
            <TextField {...field} label={t('issue.seller.phone')} value={draft.phone} onChange={(event) => set('phone', event.target.value)} />
          </Box>
          <Typography variant="subtitle2">{t('issue.seller.bankAccounts')}</Typography>
          {draft.bankAccounts.map((account, index) => (
            <Box key={index} sx={{ display: 'grid', gap: 2, gridTemplateColumns: '2fr 1fr 36px' }}>
              <TextField
                {...field}
                label={t('issue.seller.iban')}
                value={account.iban}
                error={badIban(account.iban)}
                helperText={badIban(account.iban) ? t('issue.seller.invalidIban') : ' '}
                onChange={(event) => set('bankAccounts', draft.bankAccounts.map((entry, position) => (position === index ? { ...entry, iban: event.target.value } : entry)))}
                slotProps={{ ...field.slotProps, htmlInput: { 'data-testid': 'seller-iban' } }}
              />
              <TextField {...field} label={t('issue.seller.bankName')} value={account.bankName} onChange={(event) => set('bankAccounts', draft.bankAccounts.map((entry, position) => (position === index ? { ...entry, bankName: event.target.value } : entry)))} />
              <IconButton aria-label={t('issue.seller.removeAccount')} onClick={() => set('bankAccounts', draft.bankAccounts.filter((_entry, position) => position !== index))} sx={{ alignSelf: 'start' }}>
                <DeleteOutlineIcon fontSize="small" />
              </IconButton>
            </Box>
          ))}
          <Box>
            <Button size="small" startIcon={<AddOutlinedIcon />} onClick={() => set('bankAccounts', [...draft.bankAccounts, { iban: '', bankName: '' }])} data-testid="seller-add-account">
              {t('issue.seller.addAccount')}
            </Button>
          </Box>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr 1fr 1fr' }}>
            <TextField {...field} label={t('issue.seller.krs')} value={draft.krs} onChange={(event) => set('krs', event.target.value.trim())} error={invalid.krs} helperText={invalid.krs ? t('issue.seller.invalidKrs') : ' '} />
            <TextField {...field} label={t('issue.seller.regon')} value={draft.regon} onChange={(event) => set('regon', event.target.value.trim())} error={invalid.regon} helperText={invalid.regon ? t('issue.seller.invalidRegon') : ' '} />
            <TextField {...field} label={t('issue.seller.bdo')} value={draft.bdo} onChange={(event) => set('bdo', event.target.value.trim())} error={invalid.bdo} helperText={invalid.bdo ? t('issue.seller.invalidBdo') : ' '} />
          </Box>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr 1fr 1fr' }}>
            <TextField {...field} type="number" label={t('issue.seller.paymentDays')} value={draft.defaultPaymentDays} onChange={(event) => set('defaultPaymentDays', Math.max(0, Math.min(365, Number(event.target.value) || 0)))} />
            <TextField {...field} select slotProps={{ ...field.slotProps, select: { native: true } }} label={t('issue.seller.paymentMethod')} value={draft.defaultPaymentMethod} onChange={(event) => set('defaultPaymentMethod', event.target.value as SellerProfile['defaultPaymentMethod'])}>
              {PAYMENT_METHODS.map((code) => (
                <option key={code} value={code}>
                  {t(`issue.payment.methods.${code}`)}
                </option>
              ))}
            </TextField>
            <TextField {...field} label={t('issue.seller.place')} value={draft.defaultPlaceOfIssue} onChange={(event) => set('defaultPlaceOfIssue', event.target.value)} slotProps={{ ...field.slotProps, htmlInput: { 'data-testid': 'seller-place' } }} />
          </Box>
          {save.isError ? <ErrorAlert error={save.error} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('issue.seller.cancel')}</Button>
        <BusyButton variant="contained" busy={save.isPending} onClick={submit} data-testid="seller-save">
          {t('issue.seller.save')}
        </BusyButton>
      </DialogActions>
    </Dialog>
  );
}
