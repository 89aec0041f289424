import SystemUpdateAltOutlinedIcon from '@mui/icons-material/SystemUpdateAltOutlined';
import { Button, Chip, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useInstallUpdate, useUpdateStatus } from '../first-run/queries';

/** Top bar: "install on restart" once an update is downloaded; nothing while there is none. */
export function UpdateNotice() {
  const { t } = useTranslation();
  const status = useUpdateStatus();
  const install = useInstallUpdate();
  const data = status.data;
  if (!data) return null;
  if (data.phase === 'downloading') {
    return <Chip size="small" sx={{ bgcolor: 'background.paper' }} label={t('updates.downloading', { version: data.availableVersion ?? '' })} />;
  }
  if (data.phase !== 'ready') return null;
  if (data.installPending) {
    return <Chip size="small" color="warning" sx={{ bgcolor: 'background.paper' }} label={t('updates.installPending')} data-testid="update-pending" />;
  }
  return (
    <Tooltip title={t('updates.ready', { version: data.availableVersion ?? '' })}>
      <Button
        size="small"
        variant="contained"
        color="inherit"
        sx={{ color: 'primary.main', bgcolor: 'background.paper' }}
        startIcon={<SystemUpdateAltOutlinedIcon />}
        onClick={() => install.mutate()}
        data-testid="update-install"
      >
        {t('updates.install')}
      </Button>
    </Tooltip>
  );
}
