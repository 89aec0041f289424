import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, AlertTitle, Box, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { FormProvider, useForm, useWatch, type FieldPath, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { strictIssueFormSchema } from '../../../shared/domain/issuing/form-rules';
import { issueFormValuesSchema, type IssueFormValues, type IssuePreview, type IssueProblem, type NumberingSeries, type SellerProfile } from '../../../shared/ipc/channels/issue';
import { base64ToBytes, saveDownload } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ActionBar } from './ActionBar';
import { AdvanceSection } from './AdvanceSection';
import { useDraftAutosave } from './autosave';
import { BuyerSection } from './BuyerSection';
import { CorrectionSection } from './CorrectionSection';
import { DocumentSection } from './DocumentSection';
import { LITERAL_MESSAGE } from './fields';
import { IssuedDialog, type IssuedResult } from './IssuedDialog';
import { LinesTable } from './LinesTable';
import { MoreSection } from './MoreSection';
import { PaymentSection } from './PaymentSection';
import { PreviewDialog } from './PreviewDialog';
import { ProblemsSummary } from './ProblemsSummary';
import { useIssueActions, useOfflineMode } from './queries';
import { Section } from './Section';
import { TotalsPanel } from './TotalsPanel';

const resolver = zodResolver(strictIssueFormSchema(issueFormValuesSchema)) as unknown as Resolver<IssueFormValues>;

/** Problems main reports for fields the form has; the rest go to the summary above the buttons. */
const NOT_A_FIELD = new Set(['seller']);

export interface IssueFormProps {
  nip: string;
  initial: IssueFormValues;
  draftId: string | null;
  profile: SellerProfile;
  series: NumberingSeries[];
  onNew: () => void;
  /** The first autosave made this form a draft. */
  onDraftCreated?: (id: string) => void;
}

/** The issuing form: saved as a draft while typed, previewed, issued. */
export function IssueForm({ nip, initial, draftId, profile, series, onNew, onDraftCreated }: IssueFormProps) {
  const { t, i18n } = useTranslation();
  const form = useForm<IssueFormValues>({ defaultValues: initial, resolver, mode: 'onSubmit', reValidateMode: 'onChange' });
  const autosave = useDraftAutosave(nip, form, draftId, onDraftCreated);
  const actions = useIssueActions();
  const [problems, setProblems] = useState<IssueProblem[]>([]);
  const [preview, setPreview] = useState<IssuePreview | null>(null);
  const [issued, setIssued] = useState<IssuedResult | null>(null);
  const offlineMode = useOfflineMode();
  const [kind, priceMode] = useWatch({ control: form.control, name: ['kind', 'priceMode'] });
  const { saveNow } = autosave;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveNow();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [saveNow]);

  const showProblems = (list: IssueProblem[]) => {
    const unplaced: IssueProblem[] = [];
    for (const problem of list) {
      const message = problem.code ?? `${LITERAL_MESSAGE}${i18n.language === 'en' ? problem.message : problem.messagePl}`;
      if (problem.field && !NOT_A_FIELD.has(problem.field) && problem.severity === 'error') {
        form.setError(problem.field as FieldPath<IssueFormValues>, { type: 'server', message }, { shouldFocus: unplaced.length === 0 });
      } else {
        unplaced.push(problem);
      }
    }
    setProblems(unplaced);
  };

  const issue = (offline: boolean) =>
    form.handleSubmit(
      async (values) => {
        setProblems([]);
        await autosave.saveNow();
        const id = autosave.draftId();
        const outcome = await actions.issue.mutateAsync({ companyNip: nip, form: values, ...(id ? { draftId: id } : {}), ...(offline ? { offline: true } : {}) });
        if (outcome.issued) {
          autosave.stop();
          setIssued({ invoice: outcome.invoice, offline: outcome.offline });
        } else {
          showProblems(outcome.problems);
        }
      },
      () => setProblems([]),
    )();

  const openPreview = async () => {
    setPreview(await actions.preview.mutateAsync({ companyNip: nip, form: form.getValues() }));
  };

  const downloadPdf = async () => {
    const { fileName, pdfBase64 } = await actions.pdf.mutateAsync({ companyNip: nip, form: form.getValues() });
    saveDownload(fileName, base64ToBytes(pdfBase64), 'application/pdf');
  };

  const priceModeToggle = (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2" color="text.secondary">
        {t('issue.lines.priceMode')}
      </Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={priceMode}
        onChange={(_event, value: IssueFormValues['priceMode'] | null) => value && form.setValue('priceMode', value, { shouldDirty: true })}
      >
        <ToggleButton value="net" data-testid="price-mode-net">
          {t('issue.lines.net')}
        </ToggleButton>
        <ToggleButton value="gross" data-testid="price-mode-gross">
          {t('issue.lines.gross')}
        </ToggleButton>
      </ToggleButtonGroup>
    </Stack>
  );

  return (
    <FormProvider {...form}>
      <Box component="form" noValidate onSubmit={(event) => event.preventDefault()} data-testid="issue-form" data-draft-id={autosave.draftId() ?? ''}>
        <Stack spacing={2} sx={{ pb: 10 }}>
          <DocumentSection nip={nip} series={series} />
          {kind === 'KOR' ? <CorrectionSection nip={nip} /> : null}
          <BuyerSection nip={nip} />
          <AdvanceSection kind={kind} nip={nip} />
          {kind === 'KOR' ? (
            <Section title={t('issue.sections.linesBefore')} testId="issue-lines-before">
              <LinesTable nip={nip} name="correction.linesBefore" />
            </Section>
          ) : null}
          <Section title={kind === 'KOR' ? t('issue.sections.linesAfter') : kind === 'ZAL' ? t('issueAdvance.orderLines') : t('issue.sections.lines')} action={priceModeToggle} testId="issue-lines">
            <LinesTable nip={nip} name="lines" />
            <TotalsPanel />
          </Section>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, alignItems: 'start' }}>
            <PaymentSection profile={profile} />
            <MoreSection />
          </Box>
          {problems.length > 0 ? <ProblemsSummary problems={problems} /> : null}
          {actions.issue.isError ? <ErrorAlert error={actions.issue.error} /> : null}
          {actions.preview.isError ? <ErrorAlert error={actions.preview.error} /> : null}
          {Object.keys(form.formState.errors).length > 0 && problems.length === 0 ? (
            <Alert severity="error" data-testid="form-has-errors">
              <AlertTitle>{t('issue.problems.title')}</AlertTitle>
              {t('issue.problems.fieldsMarked')}
            </Alert>
          ) : null}
        </Stack>
        <ActionBar
          status={autosave.status}
          savedAt={autosave.savedAt}
          onSave={() => void autosave.saveNow()}
          onPreview={() => void openPreview()}
          offlineMode={offlineMode}
          onIssue={(offline) => void issue(offline)}
          previewing={actions.preview.isPending}
          issuing={actions.issue.isPending || form.formState.isSubmitting}
        />
      </Box>
      <PreviewDialog preview={preview} onClose={() => setPreview(null)} onDownload={() => void downloadPdf()} downloading={actions.pdf.isPending} downloadError={actions.pdf.error} />
      <IssuedDialog result={issued} onNext={onNew} />
    </FormProvider>
  );
}
