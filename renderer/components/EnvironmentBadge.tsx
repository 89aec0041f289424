import { Chip, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { KsefEnvironment } from '../../shared/domain/environments';

const COLORS: Record<KsefEnvironment, 'default' | 'info' | 'warning' | 'error'> = {
  sandbox: 'info',
  test: 'default',
  demo: 'warning',
  production: 'error',
};

/** Always visible: which KSeF the app talks to. Production is red so nobody sends there by accident. */
export function EnvironmentBadge({ environment }: { environment: KsefEnvironment }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`environment.${environment}Hint`)}>
      <Chip
        data-testid="environment-badge"
        data-environment={environment}
        label={`${t('environment.label')}: ${t(`environment.${environment}`)}`}
        color={COLORS[environment]}
        variant={environment === 'production' ? 'filled' : 'outlined'}
        sx={{ fontWeight: 600 }}
      />
    </Tooltip>
  );
}
