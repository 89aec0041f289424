import OutboxOutlinedIcon from '@mui/icons-material/OutboxOutlined';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

/** Empty until the feature lands: says what will be here, shows no made-up data. */
export function SentPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<OutboxOutlinedIcon fontSize="inherit" />}
      title={t('empty.sentTitle')}
      body={t('empty.sentBody')}
      note={t('empty.comingSoon')}
    />
  );
}
