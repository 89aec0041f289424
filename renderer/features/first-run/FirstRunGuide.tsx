import CloseIcon from '@mui/icons-material/Close';
import { Alert, Box, Button, Card, CardContent, CardHeader, IconButton, Stack, Step, StepContent, StepLabel, Stepper, Tooltip, Typography } from '@mui/material';
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ONBOARDING_STEPS, type OnboardingState, type OnboardingStep } from '../../../shared/ipc/channels/onboarding';
import { useCertificates, useCompanies, useSavedTokens } from '../../api/account-queries';
import { AddCompanyForm } from '../companies/AddCompanyForm';
import { useOnboarding, useOnboardingMutations } from './queries';
import { SignInStep } from './SignInStep';

/** The first step still pending (the guide opens there); the last one when all are settled. */
function activeStep(state: OnboardingState): number {
  const index = ONBOARDING_STEPS.findIndex((step) => state.steps[step] === 'pending');
  return index === -1 ? ONBOARDING_STEPS.length : index;
}

/**
 * What a new user sees first instead of empty pages: add your company → sign in → the first invoice.
 * Steps complete themselves when the thing exists (a company, a certificate or token); each can be skipped,
 * the whole guide closed, and reopened from Settings.
 */
export function FirstRunGuide({ onOpenIssue }: { onOpenIssue(): void }) {
  const { t } = useTranslation();
  const onboarding = useOnboarding();
  const { step: markStep, dismiss } = useOnboardingMutations();
  const companies = useCompanies();
  const certificates = useCertificates();
  const savedTokens = useSavedTokens();
  const state = onboarding.data;

  const hasCompany = (companies.data?.companies.length ?? 0) > 0;
  const canSignIn = (certificates.data?.some((entry) => entry.canSignIn) ?? false) || (savedTokens.data?.length ?? 0) > 0;
  const mark = markStep.mutate;
  useEffect(() => {
    if (state?.status !== 'open') return;
    if (hasCompany && state.steps.company === 'pending') mark({ step: 'company', state: 'done' });
    if (canSignIn && state.steps.signIn === 'pending') mark({ step: 'signIn', state: 'done' });
  }, [state, hasCompany, canSignIn, mark]);

  if (!state || state.status !== 'open') return null;
  const active = activeStep(state);
  const skip = (step: OnboardingStep) => markStep.mutate({ step, state: 'skipped' });
  const stateLabel = (step: OnboardingStep) =>
    state.steps[step] === 'done' ? t('firstRun.stepDone') : state.steps[step] === 'skipped' ? t('firstRun.stepSkipped') : undefined;

  const bodies: Record<OnboardingStep, ReactElement> = {
    company: (
      <Stack spacing={2}>
        <Typography variant="body2">{t('firstRun.company.body')}</Typography>
        <AddCompanyForm />
      </Stack>
    ),
    signIn: <SignInStep ready={canSignIn} />,
    firstInvoice: (
      <Stack spacing={2}>
        <Typography variant="body2">{t('firstRun.firstInvoice.body')}</Typography>
        <Button
          variant="contained"
          sx={{ alignSelf: 'flex-start' }}
          data-testid="first-run-open-issue"
          onClick={() => {
            markStep.mutate({ step: 'firstInvoice', state: 'done' });
            onOpenIssue();
          }}
        >
          {t('firstRun.firstInvoice.open')}
        </Button>
      </Stack>
    ),
  };

  return (
    <Card variant="outlined" sx={{ mb: 3, maxWidth: 1040, borderColor: 'primary.main' }} data-testid="first-run-guide">
      <CardHeader
        title={t('firstRun.title')}
        subheader={t('firstRun.intro')}
        action={
          <Tooltip title={t('firstRun.dismiss')}>
            <IconButton aria-label={t('firstRun.dismiss')} onClick={() => dismiss.mutate()} data-testid="first-run-dismiss">
              <CloseIcon />
            </IconButton>
          </Tooltip>
        }
      />
      <CardContent>
        <Stepper activeStep={active} orientation="vertical" nonLinear>
          {ONBOARDING_STEPS.map((step, index) => (
            <Step key={step} completed={state.steps[step] !== 'pending'} data-testid={`first-run-step-${step}`} data-state={state.steps[step]}>
              <StepLabel optional={stateLabel(step) ? <Typography variant="caption">{stateLabel(step)}</Typography> : undefined}>
                {t(`firstRun.steps.${step}`)}
              </StepLabel>
              <StepContent>
                {index === active ? (
                  <Stack spacing={2}>
                    {bodies[step]}
                    <Box>
                      <Button size="small" color="inherit" onClick={() => skip(step)} data-testid={`first-run-skip-${step}`}>
                        {t('firstRun.skipStep')}
                      </Button>
                    </Box>
                  </Stack>
                ) : null}
              </StepContent>
            </Step>
          ))}
        </Stepper>
        {active === ONBOARDING_STEPS.length ? <Alert severity="success">{t('firstRun.finished')}</Alert> : null}
      </CardContent>
    </Card>
  );
}
