import MoveToInboxOutlinedIcon from '@mui/icons-material/MoveToInboxOutlined';
import { Badge } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useKsefApi } from '../../api/api-context';
import { receivedKeys, useReceivedBadges } from './received-queries';

/** The navigation icon of Received with the number of invoices that arrived since the user last looked. */
export function ReceivedNavIcon() {
  const { t } = useTranslation();
  const api = useKsefApi();
  const client = useQueryClient();
  const unseen = (useReceivedBadges().data ?? []).reduce((sum, company) => sum + company.unseen, 0);
  useEffect(() => api.events.on('received:synced', () => void client.invalidateQueries({ queryKey: receivedKeys.badges })), [api, client]);
  return (
    <Badge color="primary" badgeContent={unseen} max={999} invisible={unseen === 0} aria-label={unseen ? t('received.badge', { count: unseen }) : undefined} data-testid="received-badge">
      <MoveToInboxOutlinedIcon />
    </Badge>
  );
}
