import PostAddOutlinedIcon from '@mui/icons-material/PostAddOutlined';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

/** Empty until the feature lands: says what will be here, shows no made-up data. */
export function IssuePage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<PostAddOutlinedIcon fontSize="inherit" />}
      title={t('empty.issueTitle')}
      body={t('empty.issueBody')}
      note={t('empty.comingSoon')}
    />
  );
}
