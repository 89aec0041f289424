import { Alert, Card, CardContent, CardHeader, Checkbox, FormControl, FormControlLabel, FormGroup, InputLabel, MenuItem, Select, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidNip, normalizeNip } from '../../../shared/domain/nip';
import { isValidPesel, normalizePesel } from '../../../shared/domain/pesel';
import type { GrantablePermission, SubjectIdentifierKind } from '../../../shared/ipc/contract';
import { usePermissionMutations, usePermissions } from '../../api/account-queries';
import { BusyButton } from '../../components/BusyButton';
import { RevocableList } from '../../components/RevocableList';
import { ErrorAlert } from '../../components/ErrorAlert';

function normalized(kind: SubjectIdentifierKind, value: string): string {
  if (kind === 'Nip') return normalizeNip(value);
  if (kind === 'Pesel') return normalizePesel(value);
  return value.replace(/[\s:]/g, '').toUpperCase();
}

function valid(kind: SubjectIdentifierKind, value: string): boolean {
  if (kind === 'Nip') return isValidNip(value);
  if (kind === 'Pesel') return isValidPesel(value);
  return /^[0-9A-F]{64}$/.test(value);
}

/** Grant InvoiceRead/InvoiceWrite to a person (e.g. a bookkeeper) in the signed-in company; list; revoke. */
export function PermissionsPanel() {
  const { t } = useTranslation();
  const grants = usePermissions(true);
  const { grant, revoke } = usePermissionMutations();
  const [kind, setKind] = useState<SubjectIdentifierKind>('Pesel');
  const [value, setValue] = useState('');
  const [ownerPesel, setOwnerPesel] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [permissions, setPermissions] = useState<GrantablePermission[]>(['InvoiceRead']);
  const [touched, setTouched] = useState(false);
  const subject = normalized(kind, value);
  const subjectValid = valid(kind, subject);
  const ownerValid = kind !== 'Fingerprint' || isValidPesel(normalizePesel(ownerPesel));
  const namesValid = firstName.trim().length >= 2 && lastName.trim().length >= 2;

  const toggle = (permission: GrantablePermission) =>
    setPermissions((current) => (current.includes(permission) ? current.filter((p) => p !== permission) : [...current, permission]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!subjectValid || !ownerValid || !namesValid || permissions.length === 0) return;
    grant.mutate(
      {
        subject: { type: kind, value: subject },
        permissions,
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        ...(kind === 'Fingerprint' ? { fingerprintOwner: { type: 'Pesel' as const, value: normalizePesel(ownerPesel) } } : {}),
      },
      { onSuccess: () => (setValue(''), setFirstName(''), setLastName(''), setOwnerPesel(''), setTouched(false)) },
    );
  };

  return (
    <Card variant="outlined" data-testid="permissions-panel">
      <CardHeader title={t('permissions.title')} subheader={t('permissions.intro')} />
      <CardContent>
        <Stack spacing={2}>
          <Stack component="form" spacing={2} onSubmit={submit} noValidate>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <FormControl sx={{ minWidth: 200 }}>
                <InputLabel id="grant-kind">{t('permissions.subjectType')}</InputLabel>
                <Select labelId="grant-kind" label={t('permissions.subjectType')} value={kind} onChange={(event) => setKind(event.target.value as SubjectIdentifierKind)}>
                  <MenuItem value="Pesel">{t('permissions.pesel')}</MenuItem>
                  <MenuItem value="Nip">{t('permissions.nip')}</MenuItem>
                  <MenuItem value="Fingerprint">{t('permissions.fingerprint')}</MenuItem>
                </Select>
              </FormControl>
              <TextField
                label={t('permissions.value')}
                value={value}
                onChange={(event) => setValue(event.target.value)}
                error={touched && !subjectValid}
                helperText={touched && !subjectValid ? t('permissions.invalidValue') : ' '}
                sx={{ flexGrow: 1 }}
                slotProps={{ htmlInput: { maxLength: 100 } }}
              />
            </Stack>
            {kind === 'Fingerprint' ? (
              <TextField label={t('permissions.ownerPesel')} value={ownerPesel} onChange={(e) => setOwnerPesel(e.target.value)} error={touched && !ownerValid} slotProps={{ htmlInput: { maxLength: 20 } }} />
            ) : null}
            <Stack direction="row" spacing={2}>
              <TextField label={t('permissions.firstName')} value={firstName} onChange={(e) => setFirstName(e.target.value)} error={touched && firstName.trim().length < 2} fullWidth slotProps={{ htmlInput: { maxLength: 30 } }} />
              <TextField label={t('permissions.lastName')} value={lastName} onChange={(e) => setLastName(e.target.value)} error={touched && lastName.trim().length < 2} fullWidth slotProps={{ htmlInput: { maxLength: 81 } }} />
            </Stack>
            <FormGroup row>
              <FormControlLabel control={<Checkbox checked={permissions.includes('InvoiceRead')} onChange={() => toggle('InvoiceRead')} />} label={t('permissions.invoiceRead')} />
              <FormControlLabel control={<Checkbox checked={permissions.includes('InvoiceWrite')} onChange={() => toggle('InvoiceWrite')} />} label={t('permissions.invoiceWrite')} />
            </FormGroup>
            {grant.isError ? <ErrorAlert error={grant.error} /> : null}
            {grant.data?.state === 'done' ? <Alert severity="success">{t('permissions.granted')}</Alert> : null}
            {grant.data?.state === 'pending' ? <Alert severity="info">{t('permissions.pending', { ref: grant.data.referenceNumber })}</Alert> : null}
            <BusyButton type="submit" variant="contained" busy={grant.isPending} busyLabel={t('permissions.granting')} sx={{ alignSelf: 'flex-start' }}>
              {t('permissions.grant')}
            </BusyButton>
          </Stack>
          {grants.isError ? <ErrorAlert error={grants.error} /> : null}
          {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
          <RevocableList
            items={grants.data}
            emptyText={t('permissions.empty')}
            itemKey={(item) => item.id}
            primary={(item) =>
              `${t(`permissions.subjectLabel.${item.subject.type}`)} ${item.subject.value} — ${t(`tokens.permissionNames.${item.permission}`, { defaultValue: item.permission })}`
            }
            secondary={(item) => item.description}
            canRevoke={(item) => item.canBeRevoked}
            revokeLabel={t('permissions.revoke')}
            confirm={{
              title: t('permissions.revokeTitle'),
              body: (item) => t('permissions.revokeBody', { subject: `${item.subject.type} ${item.subject.value}`, permission: item.permission }),
              confirmLabel: t('permissions.revokeConfirm'),
              cancelLabel: t('permissions.cancel'),
            }}
            onRevoke={(item) => revoke.mutate(item.id)}
          />
        </Stack>
      </CardContent>
    </Card>
  );
}
