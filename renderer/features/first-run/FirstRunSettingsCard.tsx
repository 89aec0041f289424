import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useOnboardingMutations } from './queries';

/** Settings → "Getting started": every step of the guide pending again, and the guide shown. */
export function FirstRunSettingsCard() {
  const { t } = useTranslation();
  const { restart } = useOnboardingMutations();
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Typography variant="subtitle1" component="h2">
            {t('firstRunSettings.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('firstRunSettings.body')}
          </Typography>
          <Button
            variant="outlined"
            data-testid="first-run-reopen"
            disabled={restart.isPending}
            onClick={() => restart.mutate(undefined, { onSuccess: () => (window.location.hash = '/welcome') })}
          >
            {t('firstRunSettings.reopen')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}
