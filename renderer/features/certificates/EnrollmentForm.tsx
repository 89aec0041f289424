import { Alert, FormControlLabel, LinearProgress, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateKeyAlgorithm, KsefCertificateType } from '../../../shared/ipc/channels/certificates';
import { useAuthStatus, useEnrollCertificate, useEnrollmentProgress } from '../../api/account-queries';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';

/** KSeF certificate enrollment for the signed-in identity, with the stage main reports while it polls. */
export function EnrollmentForm() {
  const { t } = useTranslation();
  const auth = useAuthStatus();
  const enroll = useEnrollCertificate();
  const progress = useEnrollmentProgress();
  const [type, setType] = useState<KsefCertificateType>('Authentication');
  const [key, setKey] = useState<CertificateKeyAlgorithm>('ec');
  const session = auth.data?.session ?? null;
  const blocker = !session ? t('testCertificate.enrollNeedsSignIn') : session.method !== 'certificate' ? t('testCertificate.enrollNeedsCertificate') : null;

  return (
    <Stack spacing={2} sx={{ maxWidth: 560 }} data-testid="enrollment-form">
      <Typography variant="body2">{t('testCertificate.enrollIntro')}</Typography>
      {blocker ? <Alert severity="info">{blocker}</Alert> : null}
      <RadioGroup row value={type} onChange={(event) => setType(event.target.value === 'Offline' ? 'Offline' : 'Authentication')} aria-label={t('testCertificate.enrollType')}>
        <FormControlLabel value="Authentication" control={<Radio />} label={t('testCertificate.typeAuthentication')} />
        <FormControlLabel value="Offline" control={<Radio />} label={t('testCertificate.typeOffline')} />
      </RadioGroup>
      <RadioGroup row value={key} onChange={(event) => setKey(event.target.value === 'rsa' ? 'rsa' : 'ec')} aria-label={t('testCertificate.key')}>
        <FormControlLabel value="ec" control={<Radio />} label={t('testCertificate.keyEc')} />
        <FormControlLabel value="rsa" control={<Radio />} label={t('testCertificate.keyRsa')} />
      </RadioGroup>
      {enroll.isPending ? (
        <Stack spacing={1} role="status">
          <LinearProgress />
          <Typography variant="body2">{t(`testCertificate.stage.${progress?.stage ?? 'preparing'}`, { ref: progress?.referenceNumber ?? '' })}</Typography>
        </Stack>
      ) : null}
      {enroll.isError ? <ErrorAlert error={enroll.error} /> : null}
      {enroll.data ? <Alert severity="success">{t('testCertificate.enrolled', { label: enroll.data.label })}</Alert> : null}
      <BusyButton
        variant="contained"
        busy={enroll.isPending}
        disabled={blocker !== null}
        onClick={() => enroll.mutate({ certificateType: type, keyAlgorithm: key })}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('testCertificate.enroll')}
      </BusyButton>
    </Stack>
  );
}
