import {
  Alert,
  Box,
  Card,
  CardContent,
  CircularProgress,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Snackbar,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENVIRONMENTS, isEnvironment, type KsefEnvironment } from '../../../shared/domain/environments';
import { LANGUAGES, type Language } from '../../../shared/domain/settings';
import { useAppInfo, useSettings, useUpdateSettings } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FirstRunSettingsCard } from '../first-run/FirstRunSettingsCard';

const LANGUAGE_NAMES: Record<Language, string> = { pl: 'Polski', en: 'English' };

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const info = useAppInfo();
  const update = useUpdateSettings();
  const [confirmingProduction, setConfirmingProduction] = useState(false);
  const [saved, setSaved] = useState(false);

  const save = (request: Parameters<typeof update.mutate>[0]) =>
    update.mutate(request, { onSuccess: () => setSaved(true) });

  const chooseEnvironment = (environment: KsefEnvironment) => {
    if (environment === 'production') setConfirmingProduction(true);
    else save({ environment });
  };

  if (settings.isError) return <ErrorAlert error={settings.error} />;
  if (!settings.data) return null;

  return (
    <Stack spacing={3} sx={{ maxWidth: 720 }}>
      <Typography variant="h5" component="h1">
        {t('settings.title')}
      </Typography>
      {update.isError ? <ErrorAlert error={update.error} /> : null}

      <Card variant="outlined">
        <CardContent>
          <FormControl>
            <FormLabel id="environment-label">{t('environment.label')}</FormLabel>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('settings.environmentHint')}
            </Typography>
            <RadioGroup
              aria-labelledby="environment-label"
              name="environment"
              value={settings.data.environment}
              onChange={(event) => isEnvironment(event.target.value) && chooseEnvironment(event.target.value)}
            >
              {ENVIRONMENTS.map((environment) => (
                <FormControlLabel
                  key={environment}
                  value={environment}
                  control={<Radio color={environment === 'production' ? 'error' : 'primary'} />}
                  label={
                    <Box>
                      <Typography>{t(`environment.${environment}`)}</Typography>
                      <Typography variant="body2" color="text.secondary">
                        {t(`environment.${environment}Hint`)}
                      </Typography>
                    </Box>
                  }
                  sx={{ alignItems: 'flex-start', mb: 1, '& .MuiRadio-root': { pt: 0.5 } }}
                />
              ))}
            </RadioGroup>
          </FormControl>
        </CardContent>
      </Card>

      <Card variant="outlined">
        <CardContent>
          <FormControl>
            <FormLabel id="language-label">{t('settings.language')}</FormLabel>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('settings.languageHint')}
            </Typography>
            <RadioGroup
              row
              aria-labelledby="language-label"
              name="language"
              value={settings.data.language}
              onChange={(event) => save({ language: event.target.value as Language })}
            >
              {LANGUAGES.map((language) => (
                <FormControlLabel key={language} value={language} control={<Radio />} label={LANGUAGE_NAMES[language]} />
              ))}
            </RadioGroup>
          </FormControl>
        </CardContent>
      </Card>

      <FirstRunSettingsCard />

      {info.isError ? <ErrorAlert error={info.error} /> : null}
      {info.isPending ? (
        <Stack direction="row" spacing={1} sx={{ color: 'text.secondary', alignItems: 'center' }}>
          <CircularProgress size={18} />
          <Typography variant="body2">{t('settings.connecting')}</Typography>
        </Stack>
      ) : null}
      {info.data ? (
        <Card variant="outlined">
          <CardContent>
            <Typography variant="body2" color="text.secondary">
              {t('settings.apiUrl')}: <code data-testid="api-url">{info.data.apiBaseUrl ?? t('settings.apiUrlUnavailable')}</code>
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('settings.profile')}: <code>{info.data.profileDir}</code>
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('settings.version')}: {info.data.version} ({info.data.shell})
            </Typography>
          </CardContent>
        </Card>
      ) : null}

      <ConfirmDialog
        open={confirmingProduction}
        danger
        title={t('productionDialog.title')}
        body={t('productionDialog.body')}
        confirmLabel={t('productionDialog.confirm')}
        cancelLabel={t('productionDialog.cancel')}
        onCancel={() => setConfirmingProduction(false)}
        onConfirm={() => {
          setConfirmingProduction(false);
          save({ environment: 'production', confirmProduction: true });
        }}
      />
      <Snackbar open={saved} autoHideDuration={2500} onClose={() => setSaved(false)}>
        <Alert severity="success" variant="filled" onClose={() => setSaved(false)}>
          {t('settings.saved')}
        </Alert>
      </Snackbar>
    </Stack>
  );
}
