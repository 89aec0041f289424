import AddOutlinedIcon from '@mui/icons-material/AddOutlined';
import VerifiedUserOutlinedIcon from '@mui/icons-material/VerifiedUserOutlined';
import { Button, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCertificates } from '../../api/account-queries';
import { useSettings } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { VaultGate } from '../vault/VaultGate';
import { CertificateList } from './CertificateList';
import { EnrollmentForm } from './EnrollmentForm';
import { KsefCertificatesPanel } from './KsefCertificatesPanel';
import { TestCertificateForm } from './TestCertificateForm';
import { ImportWizard } from './wizard/ImportWizard';

type Mode = 'list' | 'import' | 'noCertificate';

/** Stored certificates; the import wizard; test certificates and KSeF enrollment; the certificates KSeF lists. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const certificates = useCertificates();
  const settings = useSettings();
  const [mode, setMode] = useState<Mode>('list');
  const environment = settings.data?.environment ?? 'sandbox';

  if (mode === 'import') {
    return (
      <ImportWizard
        onClose={() => setMode('list')}
        onGoToCompanies={() => {
          setMode('list');
          window.location.hash = '/companies';
        }}
      />
    );
  }

  return (
    <Stack spacing={3} sx={{ maxWidth: 960 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('certificates.title')}
        </Typography>
        <Button variant="contained" startIcon={<AddOutlinedIcon />} onClick={() => setMode('import')}>
          {t('certificates.import')}
        </Button>
        <Button variant={mode === 'noCertificate' ? 'contained' : 'outlined'} onClick={() => setMode(mode === 'noCertificate' ? 'list' : 'noCertificate')}>
          {t('certificates.noCertificate')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('certificates.intro')}
      </Typography>

      {mode === 'noCertificate' ? (
        <Card variant="outlined">
          <CardHeader title={t('testCertificate.title')} />
          <CardContent>
            <VaultGate>
              <Stack spacing={4}>
                <TestCertificateForm environment={environment} />
                <div>
                  <Typography variant="h6" component="h2" gutterBottom>
                    {t('testCertificate.enrollTitle')}
                  </Typography>
                  <EnrollmentForm />
                </div>
              </Stack>
            </VaultGate>
          </CardContent>
        </Card>
      ) : null}

      {certificates.isError ? <ErrorAlert error={certificates.error} /> : null}
      {certificates.data && certificates.data.length === 0 ? (
        <EmptyState icon={<VerifiedUserOutlinedIcon fontSize="inherit" />} title={t('certificates.emptyTitle')} body={t('certificates.emptyBody')} />
      ) : null}
      {certificates.data && certificates.data.length > 0 ? <CertificateList entries={certificates.data} /> : null}
      <KsefCertificatesPanel />
    </Stack>
  );
}
