import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import StarBorderOutlinedIcon from '@mui/icons-material/StarBorderOutlined';
import StarIcon from '@mui/icons-material/Star';
import { Button, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateEntry } from '../../../shared/ipc/channels/certificates';
import { useRemoveCertificate, useSetDefaultCertificate } from '../../api/account-queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusChip } from './StatusChip';
import { formatDate } from './format';

/** Stored certificates with status chips, the default marker, delete (confirmed) and "make default". */
export function CertificateList({ entries }: { entries: CertificateEntry[] }) {
  const { t } = useTranslation();
  const remove = useRemoveCertificate();
  const setDefault = useSetDefaultCertificate();
  const [removing, setRemoving] = useState<CertificateEntry | null>(null);
  const failure = remove.error ?? setDefault.error;

  return (
    <Stack spacing={2} data-testid="certificate-list">
      {failure ? <ErrorAlert error={failure} /> : null}
      {entries.map((entry) => {
        const identifier = entry.nip
          ? t('certificates.identifier.nip', { value: entry.nip })
          : entry.pesel
            ? t('certificates.identifier.pesel', { value: entry.pesel })
            : t('certificates.identifier.none');
        const defaults = entry.defaultFor.map((nip) => (nip === '*' ? t('certificates.anyCompany') : nip)).join(', ');
        return (
          <Card key={entry.id} variant="outlined" data-testid="certificate-entry" data-certificate-id={entry.id}>
            <CardContent sx={{ pb: 1 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
                {entry.defaultFor.length > 0 ? <StarIcon color="warning" fontSize="small" /> : null}
                <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                  {entry.label}
                </Typography>
                <StatusChip status={entry.status} />
                <Chip size="small" variant="outlined" label={t(`certificates.source.${entry.source}`)} />
                {entry.ksefCertificateType ? <Chip size="small" variant="outlined" label={t(`testCertificate.type${entry.ksefCertificateType}`)} /> : null}
                {/* A revoked certificate's chip already says it cannot be used. */}
                {!entry.canSignIn && entry.status !== 'revoked' ? (
                  <Chip
                    size="small"
                    variant="outlined"
                    color="warning"
                    data-testid="certificate-cannot-sign-in"
                    label={entry.keyProblem ? `${t('certificates.cannotSignIn')}: ${t(`certificateKey.${entry.keyProblem}`)}` : t('certificates.cannotSignIn')}
                  />
                ) : null}
              </Stack>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                {entry.ownerName} · {identifier} · {entry.keyType}
                {/* "valid until" next to a revoked chip would contradict it; the revocation line below says what holds. */}
                {entry.revokedAt ? null : ` · ${t('certificates.validUntil', { date: formatDate(entry.notAfter) })}`}
              </Typography>
              {entry.revokedAt ? (
                <Typography variant="body2" color="error">
                  {t('ksefCertificates.revokedLocally', { date: formatDate(entry.revokedAt) })}
                </Typography>
              ) : null}
              {defaults ? (
                <Typography variant="body2" color="text.secondary">
                  {t('certificates.defaultFor', { list: defaults })}
                </Typography>
              ) : null}
            </CardContent>
            <CardActions>
              {entry.nip && entry.canSignIn && !entry.defaultFor.includes(entry.nip) ? (
                <Button size="small" startIcon={<StarBorderOutlinedIcon />} onClick={() => setDefault.mutate({ id: entry.id })}>
                  {t('certificates.setDefault')}
                </Button>
              ) : null}
              <Button size="small" color="error" startIcon={<DeleteOutlinedIcon />} onClick={() => setRemoving(entry)}>
                {t('certificates.remove')}
              </Button>
            </CardActions>
          </Card>
        );
      })}
      <ConfirmDialog
        open={removing !== null}
        title={t('certificates.removeTitle')}
        body={t('certificates.removeBody', { label: removing?.label ?? '' })}
        confirmLabel={t('certificates.removeConfirm')}
        cancelLabel={t('certificates.cancel')}
        danger
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove.mutate(removing.id);
          setRemoving(null);
        }}
      />
    </Stack>
  );
}
