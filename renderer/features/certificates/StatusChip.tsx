import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CertificateStatus } from '../../../shared/ipc/channels/certificates';

const COLORS: Record<CertificateStatus, 'success' | 'warning' | 'error' | 'default'> = {
  valid: 'success',
  expiring: 'warning',
  expired: 'error',
  notYetValid: 'default',
  revoked: 'error',
};

export function StatusChip({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" color={COLORS[status]} label={t(`certificates.status.${status}`)} data-testid="certificate-status" />;
}
