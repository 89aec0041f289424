import BusinessOutlinedIcon from '@mui/icons-material/BusinessOutlined';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

/** Empty until the feature lands: says what will be here, shows no made-up data. */
export function CompaniesPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<BusinessOutlinedIcon fontSize="inherit" />}
      title={t('empty.companiesTitle')}
      body={t('empty.companiesBody')}
      note={t('empty.comingSoon')}
    />
  );
}
