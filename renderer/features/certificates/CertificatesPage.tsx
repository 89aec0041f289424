import VerifiedUserOutlinedIcon from '@mui/icons-material/VerifiedUserOutlined';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

/** Empty until the feature lands: says what will be here, shows no made-up data. */
export function CertificatesPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<VerifiedUserOutlinedIcon fontSize="inherit" />}
      title={t('empty.certificatesTitle')}
      body={t('empty.certificatesBody')}
      note={t('empty.comingSoon')}
    />
  );
}
