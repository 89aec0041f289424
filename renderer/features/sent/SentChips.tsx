import EventBusyOutlinedIcon from '@mui/icons-material/EventBusyOutlined';
import ScheduleOutlinedIcon from '@mui/icons-material/ScheduleOutlined';
import { Chip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatCivilDate, type DeadlineView, type OutboxState } from './sent-model';

const STATE_COLORS: Record<OutboxState, 'default' | 'info' | 'success' | 'error' | 'warning'> = {
  draft: 'default',
  queued: 'info',
  sending: 'info',
  accepted: 'success',
  rejected: 'error',
  offline: 'warning',
};

export function OutboxStateChip({ state }: { state: OutboxState }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      color={STATE_COLORS[state]}
      variant={state === 'queued' || state === 'draft' ? 'outlined' : 'filled'}
      label={t(`sent.state.${state}`)}
      data-testid="outbox-state"
      data-state={state}
    />
  );
}

/** The sending deadline of an offline invoice: plain text while far, a coloured chip when close or missed. */
export function DeadlineLabel({ view }: { view: DeadlineView }) {
  const { t, i18n } = useTranslation();
  if (view.kind === 'none') return <Typography variant="body2" color="text.disabled">{t('sent.deadline.none')}</Typography>;
  if (view.kind === 'open') return <Typography variant="body2" color="text.secondary">{t('sent.deadline.open')}</Typography>;
  const date = formatCivilDate(view.date, i18n.language);
  const text = t(`sent.deadline.${view.urgency}`, { date });
  if (view.urgency === 'pending') return <Typography variant="body2" data-testid="deadline" data-urgency={view.urgency}>{text}</Typography>;
  const overdue = view.urgency === 'overdue';
  return (
    <Chip
      size="small"
      color={overdue ? 'error' : 'warning'}
      icon={overdue ? <EventBusyOutlinedIcon /> : <ScheduleOutlinedIcon />}
      label={text}
      data-testid="deadline"
      data-urgency={view.urgency}
    />
  );
}
