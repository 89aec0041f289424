import { Alert, AlertTitle, Button, Card, CardContent, CardHeader, Stack, Step, StepLabel, Stepper } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateDraft, CertificateEntry } from '../../../../shared/ipc/channels/certificates';
import { useCommitCertificate, useDiscardDraft, useInspectCertificate } from '../../../api/account-queries';
import { readFileAsBase64 } from '../format';
import { FileStep } from './FileStep';
import { PasswordStep } from './PasswordStep';
import { SaveStep } from './SaveStep';
import { SummaryStep } from './SummaryStep';

const STEPS = ['file', 'password', 'summary', 'save'] as const;
type StepId = (typeof STEPS)[number] | 'saved';

/**
 * The certificate import wizard: choose a file → password → what was found → name and default company
 * → saved. The key stays in main as a draft between steps; leaving the wizard discards it.
 */
export function ImportWizard({ onClose, onGoToCompanies }: { onClose(): void; onGoToCompanies(): void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<StepId>('file');
  const [file, setFile] = useState<File | null>(null);
  const [draft, setDraft] = useState<CertificateDraft | null>(null);
  const [saved, setSaved] = useState<CertificateEntry | null>(null);
  const inspect = useInspectCertificate();
  const commit = useCommitCertificate();
  const discard = useDiscardDraft();
  const pendingDraft = useRef<string | null>(null);

  // Closing the page mid-way must not leave the key in main's memory for ten minutes.
  const discardOnUnmount = useRef(discard.mutate);
  useEffect(() => () => void (pendingDraft.current && discardOnUnmount.current(pendingDraft.current)), []);

  const forgetDraft = () => {
    if (pendingDraft.current) discard.mutate(pendingDraft.current);
    pendingDraft.current = null;
    setDraft(null);
  };

  const readFile = async (password: string) => {
    if (!file) return;
    forgetDraft();
    const contentBase64 = await readFileAsBase64(file);
    inspect.mutate(
      { fileName: file.name, contentBase64, ...(password ? { password } : {}) },
      {
        onSuccess: (result) => {
          pendingDraft.current = result.draftId;
          setDraft(result);
          setStep('summary');
        },
      },
    );
  };

  const save = (label: string, defaultForNip: string | undefined) => {
    if (!draft) return;
    commit.mutate(
      { draftId: draft.draftId, label, ...(defaultForNip ? { defaultForNip } : {}) },
      {
        onSuccess: (entry) => {
          pendingDraft.current = null; // committed: main wiped the draft itself
          setSaved(entry);
          setStep('saved');
        },
      },
    );
  };

  const cancel = () => {
    forgetDraft();
    onClose();
  };

  const activeIndex = step === 'saved' ? STEPS.length : STEPS.indexOf(step);
  return (
    <Card variant="outlined" data-testid="import-wizard" data-step={step}>
      <CardHeader
        title={t('wizard.title')}
        action={step === 'saved' ? null : <Button onClick={cancel}>{t('wizard.cancel')}</Button>}
      />
      <CardContent>
        <Stepper activeStep={activeIndex} sx={{ mb: 3 }} alternativeLabel>
          {STEPS.map((id) => (
            <Step key={id}>
              <StepLabel>{t(`wizard.steps.${id}`)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        {step === 'file' ? (
          <FileStep
            onFile={(chosen) => {
              setFile(chosen);
              inspect.reset();
              setStep('password');
            }}
          />
        ) : null}
        {step === 'password' && file ? (
          <PasswordStep
            file={file}
            busy={inspect.isPending}
            error={inspect.error}
            onSubmit={(password) => void readFile(password)}
            onBack={() => setStep('file')}
          />
        ) : null}
        {step === 'summary' && draft ? (
          <SummaryStep
            summary={draft.summary}
            onBack={() => {
              forgetDraft();
              inspect.reset();
              setStep('password');
            }}
            onNext={() => setStep('save')}
          />
        ) : null}
        {step === 'save' && draft ? (
          <SaveStep summary={draft.summary} busy={commit.isPending} error={commit.error} onSave={save} onBack={() => setStep('summary')} />
        ) : null}
        {step === 'saved' && saved ? (
          <Stack spacing={2}>
            <Alert severity="success" role="status">
              <AlertTitle>{t('wizard.savedTitle')}</AlertTitle>
              {t('wizard.savedBody', { label: saved.label })}
            </Alert>
            <Stack direction="row" spacing={1}>
              <Button variant="contained" onClick={onGoToCompanies}>
                {t('wizard.goCompanies')}
              </Button>
              <Button onClick={onClose}>{t('wizard.finish')}</Button>
            </Stack>
          </Stack>
        ) : null}
      </CardContent>
    </Card>
  );
}
