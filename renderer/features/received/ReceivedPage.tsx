import MoveToInboxOutlinedIcon from '@mui/icons-material/MoveToInboxOutlined';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

/** Empty until the feature lands: says what will be here, shows no made-up data. */
export function ReceivedPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<MoveToInboxOutlinedIcon fontSize="inherit" />}
      title={t('empty.receivedTitle')}
      body={t('empty.receivedBody')}
      note={t('empty.comingSoon')}
    />
  );
}
