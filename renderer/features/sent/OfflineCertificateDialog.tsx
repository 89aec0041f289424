import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAuthStatus, useEnrollCertificate, useEnrollmentProgress } from '../../api/account-queries';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { VaultGate } from '../vault/VaultGate';

/**
 * Obtains an Offline-type KSeF certificate through the same enrollment channel as the Certificates page,
 * then has main sign the KOD II codes that were missing.
 */
export function OfflineCertificateDialog({ onEnrolled, onClose }: { onEnrolled: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const auth = useAuthStatus();
  const enroll = useEnrollCertificate();
  const progress = useEnrollmentProgress();
  const session = auth.data?.session ?? null;
  const blocker = !session ? t('testCertificate.enrollNeedsSignIn') : session.method !== 'certificate' ? t('testCertificate.enrollNeedsCertificate') : null;

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="offline-certificate-dialog">
      <DialogTitle>{t('sent.offline.obtainCertificate')}</DialogTitle>
      <DialogContent>
        <VaultGate>
          <Stack spacing={2}>
            <Typography variant="body2">{t('sent.offline.noCertificate')}</Typography>
            {blocker ? <Alert severity="info">{blocker}</Alert> : null}
            {enroll.isPending ? (
              <Stack spacing={1} role="status">
                <LinearProgress />
                <Typography variant="body2">{t(`testCertificate.stage.${progress?.stage ?? 'preparing'}`, { ref: progress?.referenceNumber ?? '' })}</Typography>
              </Stack>
            ) : null}
            {enroll.isError ? <ErrorAlert error={enroll.error} /> : null}
            {enroll.data ? <Alert severity="success">{t('testCertificate.enrolled', { label: enroll.data.label })}</Alert> : null}
          </Stack>
        </VaultGate>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('sent.detail.close')}</Button>
        <BusyButton
          variant="contained"
          busy={enroll.isPending}
          disabled={blocker !== null || enroll.isSuccess}
          onClick={() => enroll.mutate({ certificateType: 'Offline', keyAlgorithm: 'ec' }, { onSuccess: onEnrolled })}
        >
          {t('testCertificate.enroll')}
        </BusyButton>
      </DialogActions>
    </Dialog>
  );
}
