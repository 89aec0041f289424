import KeyOutlinedIcon from '@mui/icons-material/KeyOutlined';
import ScienceOutlinedIcon from '@mui/icons-material/ScienceOutlined';
import VerifiedUserOutlinedIcon from '@mui/icons-material/VerifiedUserOutlined';
import { Alert, Button, Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ENVIRONMENT_DESCRIPTORS } from '../../../shared/domain/environments';
import { useCompanies } from '../../api/account-queries';
import { useSettings } from '../../api/queries';
import { SaveTokenForm } from '../auth/SaveTokenForm';
import { TestCertificateForm } from '../certificates/TestCertificateForm';
import { ImportWizard } from '../certificates/wizard/ImportWizard';
import { VaultGate } from '../vault/VaultGate';

type Choice = 'certificate' | 'testCertificate' | 'token';

function Option({ icon, title, hint, onClick, testId }: { icon: ReactElement; title: string; hint: string; onClick(): void; testId: string }) {
  return (
    <Card variant="outlined" sx={{ flex: 1 }}>
      <CardActionArea onClick={onClick} sx={{ height: '100%' }} data-testid={testId}>
        <CardContent>
          <Stack spacing={1}>
            {icon}
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {title}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {hint}
            </Typography>
          </Stack>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

/** Step 2: import a certificate, create a test certificate (Sandbox/Test), or save a KSeF token — the existing forms, inline. */
export function SignInStep({ ready }: { ready: boolean }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const companies = useCompanies();
  const [choice, setChoice] = useState<Choice | null>(null);
  const environment = settings.data?.environment ?? 'sandbox';
  const testCertificatesWork = ENVIRONMENT_DESCRIPTORS[environment].acceptsTestCertificates;
  const nip = companies.data?.selectedNip ?? null;
  const back = (
    <Button onClick={() => setChoice(null)} sx={{ alignSelf: 'flex-start' }}>
      {t('firstRun.signIn.back')}
    </Button>
  );

  if (choice === 'certificate') {
    return (
      <Stack spacing={2}>
        <Alert severity="info">{t('firstRun.signIn.fingerprintNote')}</Alert>
        <ImportWizard onClose={() => setChoice(null)} onGoToCompanies={() => setChoice(null)} />
      </Stack>
    );
  }
  if (choice === 'testCertificate') {
    return (
      <Stack spacing={2}>
        {testCertificatesWork ? (
          <VaultGate>
            <TestCertificateForm environment={environment} />
          </VaultGate>
        ) : (
          <Alert severity="warning">{t('firstRun.signIn.testUnavailable')}</Alert>
        )}
        {back}
      </Stack>
    );
  }
  if (choice === 'token') {
    return (
      <Stack spacing={2}>
        {nip ? (
          <VaultGate>
            <SaveTokenForm nip={nip} onSaved={() => setChoice(null)} />
          </VaultGate>
        ) : (
          <Alert severity="warning">{t('firstRun.signIn.tokenNeedsCompany')}</Alert>
        )}
        {back}
      </Stack>
    );
  }
  return (
    <Stack spacing={2}>
      <Typography variant="body2">{t('firstRun.signIn.body')}</Typography>
      {ready ? <Alert severity="success">{t('firstRun.signIn.ready')}</Alert> : null}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <Option
          icon={<VerifiedUserOutlinedIcon color="primary" />}
          title={t('firstRun.signIn.certificate')}
          hint={t('firstRun.signIn.certificateHint')}
          onClick={() => setChoice('certificate')}
          testId="first-run-certificate"
        />
        {testCertificatesWork ? (
          <Option
            icon={<ScienceOutlinedIcon color="primary" />}
            title={t('firstRun.signIn.testCertificate')}
            hint={t('firstRun.signIn.testCertificateHint')}
            onClick={() => setChoice('testCertificate')}
            testId="first-run-test-certificate"
          />
        ) : null}
        <Option
          icon={<KeyOutlinedIcon color="primary" />}
          title={t('firstRun.signIn.token')}
          hint={t('firstRun.signIn.tokenHint')}
          onClick={() => setChoice('token')}
          testId="first-run-token"
        />
      </Stack>
    </Stack>
  );
}
