import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVOCATION_REASONS, type KsefCertificateInfo, type RevocationReason } from '../../../shared/ipc/channels/ksef-certificates';
import { useRevokeKsefCertificate } from '../../api/account-queries';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';

export interface RevokeKsefCertificateDialogProps {
  certificate: KsefCertificateInfo;
  /** Its label in this computer's certificate list, if it is kept here. */
  localLabel?: string | undefined;
  /** The user is signed in with this very certificate (its local copy). */
  signedInWithIt: boolean;
  onRevoked(certificate: KsefCertificateInfo): void;
  onClose(): void;
}

function isReason(value: string): value is RevocationReason {
  return (REVOCATION_REASONS as readonly string[]).includes(value);
}

/**
 * Says what revoking does before it is done (it is immediate and final) and asks for KSeF's reason.
 * Stays open on failure so the error shows where the user acted.
 */
export function RevokeKsefCertificateDialog({ certificate, localLabel, signedInWithIt, onRevoked, onClose }: RevokeKsefCertificateDialogProps) {
  const { t } = useTranslation();
  const revoke = useRevokeKsefCertificate();
  const [reason, setReason] = useState<RevocationReason>('Unspecified');
  const close = () => {
    if (!revoke.isPending) onClose();
  };

  return (
    <Dialog open onClose={close} aria-labelledby="revoke-ksef-certificate-title" data-testid="revoke-ksef-certificate-dialog">
      <DialogTitle id="revoke-ksef-certificate-title">{t('ksefCertificates.revokeTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5}>
          <DialogContentText>{t('ksefCertificates.revokeWhich', { name: certificate.name, serial: certificate.serialNumber })}</DialogContentText>
          <DialogContentText sx={{ fontWeight: 600 }}>
            {t(certificate.type === 'Authentication' ? 'ksefCertificates.consequenceAuthentication' : 'ksefCertificates.consequenceOffline')}
          </DialogContentText>
          {localLabel ? <DialogContentText>{t('ksefCertificates.localCopy', { label: localLabel })}</DialogContentText> : null}
          {signedInWithIt ? <DialogContentText>{t('ksefCertificates.consequenceCurrentSession')}</DialogContentText> : null}
          <DialogContentText>{t('ksefCertificates.irreversible')}</DialogContentText>
          <FormControl>
            <FormLabel id="revoke-reason-label">{t('ksefCertificates.reason')}</FormLabel>
            <RadioGroup aria-labelledby="revoke-reason-label" value={reason} onChange={(event) => isReason(event.target.value) && setReason(event.target.value)}>
              {REVOCATION_REASONS.map((value) => (
                <FormControlLabel key={value} value={value} control={<Radio size="small" />} label={t(`ksefCertificates.reasons.${value}`)} />
              ))}
            </RadioGroup>
          </FormControl>
          {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={revoke.isPending} autoFocus>
          {t('ksefCertificates.cancel')}
        </Button>
        <BusyButton
          color="error"
          variant="contained"
          busy={revoke.isPending}
          busyLabel={t('ksefCertificates.revoking')}
          onClick={() => revoke.mutate({ serialNumber: certificate.serialNumber, reason }, { onSuccess: () => onRevoked(certificate) })}
        >
          {t('ksefCertificates.revokeConfirm')}
        </BusyButton>
      </DialogActions>
    </Dialog>
  );
}
