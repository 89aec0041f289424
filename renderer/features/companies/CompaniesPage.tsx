import BusinessOutlinedIcon from '@mui/icons-material/BusinessOutlined';
import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAuthStatus, useCompanies } from '../../api/account-queries';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AddCompanyForm } from './AddCompanyForm';
import { CompanyList } from './CompanyList';
import { PermissionsPanel } from './PermissionsPanel';
import { TokensPanel } from './TokensPanel';

/** Companies (NIP contexts); for the signed-in one also its KSeF tokens and permissions. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const companies = useCompanies();
  const auth = useAuthStatus();
  const session = auth.data?.session ?? null;

  return (
    <Stack spacing={3} sx={{ maxWidth: 960 }}>
      <Typography variant="h5" component="h1">
        {t('companies.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('companies.intro')}
      </Typography>
      <Card variant="outlined">
        <CardContent>
          <AddCompanyForm />
          {companies.isError ? <ErrorAlert error={companies.error} /> : null}
          {companies.data && companies.data.companies.length === 0 ? (
            <EmptyState icon={<BusinessOutlinedIcon fontSize="inherit" />} title={t('companies.emptyTitle')} body={t('companies.emptyBody')} />
          ) : null}
          {companies.data && companies.data.companies.length > 0 ? <CompanyList state={companies.data} signedInNip={session?.contextNip ?? null} /> : null}
        </CardContent>
      </Card>
      {companies.data && companies.data.companies.length > 0 && !session ? <Alert severity="info">{t('auth.signInRequired')}</Alert> : null}
      {session ? (
        <>
          <TokensPanel />
          <PermissionsPanel />
        </>
      ) : null}
    </Stack>
  );
}
