import RefreshOutlinedIcon from '@mui/icons-material/RefreshOutlined';
import { Alert, Button, Card, CardContent, CardHeader, Chip, LinearProgress, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedInSession } from '../../../shared/ipc/channels/auth';
import type { KsefCertificateInfo, KsefCertificateLimits, KsefCertificateStatus } from '../../../shared/ipc/channels/ksef-certificates';
import { useAuthStatus, useCertificates, useKsefCertificateLimits, useKsefCertificates } from '../../api/account-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from './format';
import { RevokeKsefCertificateDialog } from './RevokeKsefCertificateDialog';

const STATUS_COLORS: Record<KsefCertificateStatus, 'success' | 'warning' | 'error' | 'default'> = {
  Active: 'success',
  Blocked: 'warning',
  Revoked: 'error',
  Expired: 'default',
};

/** "Certificates in KSeF": what KSeF lists for the signed-in identity, its limits, and revoking one. */
export function KsefCertificatesPanel() {
  const { t } = useTranslation();
  const session = useAuthStatus().data?.session ?? null;

  return (
    <Card variant="outlined" data-testid="ksef-certificates-panel">
      <CardHeader title={t('ksefCertificates.title')} subheader={t('ksefCertificates.intro')} />
      <CardContent sx={{ pt: 0 }}>{session ? <SignedInContent session={session} /> : <Alert severity="info">{t('ksefCertificates.signInHint')}</Alert>}</CardContent>
    </Card>
  );
}

function SignedInContent({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const certificates = useKsefCertificates(true);
  const limits = useKsefCertificateLimits(true);
  // KSeF knows the name sent with the request; the user knows the label in the list above, so show both.
  const localLabels = new Map((useCertificates().data ?? []).map((entry) => [entry.id, entry.label]));
  const localLabel = (certificate: KsefCertificateInfo) => (certificate.localCertificateId ? localLabels.get(certificate.localCertificateId) : undefined);
  const [revoking, setRevoking] = useState<KsefCertificateInfo | null>(null);
  const [revokedName, setRevokedName] = useState<string | null>(null);
  // KSeF refuses revocation after a token sign-in; offer the button only where it can work.
  const canRevoke = session.method === 'certificate';
  const loading = certificates.isFetching || limits.isFetching;

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Stack spacing={1} sx={{ flexGrow: 1 }}>
          {limits.data ? <LimitsText limits={limits.data} /> : null}
          {!canRevoke ? <Alert severity="info">{t('ksefCertificates.tokenHint')}</Alert> : null}
        </Stack>
        <Button
          size="small"
          startIcon={<RefreshOutlinedIcon />}
          disabled={loading}
          onClick={() => {
            setRevokedName(null);
            void certificates.refetch();
            void limits.refetch();
          }}
        >
          {t('ksefCertificates.refresh')}
        </Button>
      </Stack>
      {loading ? (
        <Stack spacing={1} role="status">
          <LinearProgress />
          <Typography variant="body2">{t('ksefCertificates.loading')}</Typography>
        </Stack>
      ) : null}
      {limits.isError ? <ErrorAlert error={limits.error} /> : null}
      {certificates.isError ? <ErrorAlert error={certificates.error} /> : null}
      {revokedName ? <Alert severity="success">{t('ksefCertificates.revoked', { name: revokedName })}</Alert> : null}
      {certificates.data && certificates.data.certificates.length === 0 ? <Typography color="text.secondary">{t('ksefCertificates.empty')}</Typography> : null}
      {certificates.data && certificates.data.certificates.length > 0 ? (
        <List dense disablePadding data-testid="ksef-certificate-list">
          {certificates.data.certificates.map((certificate) => (
            <CertificateRow
              key={certificate.serialNumber}
              certificate={certificate}
              localLabel={localLabel(certificate)}
              signedInWithIt={isSessionCertificate(certificate, session)}
              onRevoke={canRevoke && certificate.status === 'Active' ? () => setRevoking(certificate) : null}
            />
          ))}
        </List>
      ) : null}
      {certificates.data?.truncated ? <Typography variant="body2" color="text.secondary">{t('ksefCertificates.truncated')}</Typography> : null}
      {revoking ? (
        <RevokeKsefCertificateDialog
          certificate={revoking}
          localLabel={localLabel(revoking)}
          signedInWithIt={isSessionCertificate(revoking, session)}
          onClose={() => setRevoking(null)}
          onRevoked={(certificate) => {
            setRevoking(null);
            setRevokedName(certificate.name);
          }}
        />
      ) : null}
    </Stack>
  );
}

function LimitsText({ limits }: { limits: KsefCertificateLimits }) {
  const { t } = useTranslation();
  const text = t('ksefCertificates.limits', {
    remaining: limits.enrollment.remaining,
    limit: limits.enrollment.limit,
    active: limits.certificate.limit - limits.certificate.remaining,
    activeLimit: limits.certificate.limit,
  });
  return (
    <>
      <Typography variant="body2" data-testid="ksef-certificate-limits">
        {text}
      </Typography>
      {!limits.canRequest ? <Alert severity="warning">{t('ksefCertificates.cannotRequest')}</Alert> : null}
    </>
  );
}

function CertificateRow(props: { certificate: KsefCertificateInfo; localLabel: string | undefined; signedInWithIt: boolean; onRevoke: (() => void) | null }) {
  const { t } = useTranslation();
  const { certificate, localLabel, signedInWithIt, onRevoke } = props;
  const details = t('ksefCertificates.details', { serial: certificate.serialNumber, from: formatDate(certificate.validFrom), to: formatDate(certificate.validTo) });
  return (
    <ListItem
      divider
      data-testid="ksef-certificate"
      data-serial={certificate.serialNumber}
      secondaryAction={
        onRevoke ? (
          <Button size="small" color="error" onClick={onRevoke}>
            {t('ksefCertificates.revoke')}
          </Button>
        ) : null
      }
    >
      <ListItemText
        primary={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5, pr: 10 }}>
            <span>{certificate.name}</span>
            <Chip size="small" color={STATUS_COLORS[certificate.status]} label={t(`ksefCertificates.status.${certificate.status}`)} data-testid="ksef-certificate-status" />
            <Chip size="small" variant="outlined" label={t(`ksefCertificates.type.${certificate.type}`)} />
            {certificate.localCertificateId ? <Chip size="small" variant="outlined" label={t('ksefCertificates.storedHere')} /> : null}
            {signedInWithIt ? <Chip size="small" variant="outlined" color="primary" label={t('ksefCertificates.usedNow')} /> : null}
          </Stack>
        }
        secondary={localLabel ? `${details} · ${t('ksefCertificates.storedAs', { label: localLabel })}` : details}
      />
    </ListItem>
  );
}

function isSessionCertificate(certificate: KsefCertificateInfo, session: SignedInSession): boolean {
  return certificate.localCertificateId !== undefined && certificate.localCertificateId === session.certificateId;
}
