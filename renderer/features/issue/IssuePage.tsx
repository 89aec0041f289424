import AddOutlinedIcon from '@mui/icons-material/AddOutlined';
import FormatListNumberedOutlinedIcon from '@mui/icons-material/FormatListNumberedOutlined';
import MenuBookOutlinedIcon from '@mui/icons-material/MenuBookOutlined';
import PostAddOutlinedIcon from '@mui/icons-material/PostAddOutlined';
import StorefrontOutlinedIcon from '@mui/icons-material/StorefrontOutlined';
import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft, IssueFormValues, NumberingSeries, SellerProfile } from '../../../shared/ipc/channels/issue';
import { useCompanies } from '../../api/account-queries';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BooksDialog } from './BooksDialog';
import { DraftsMenu } from './DraftsMenu';
import { IssueForm } from './IssueForm';
import { withDecimalComma } from './format';
import { newInvoiceForm, withDefaults } from './new-form';
import { useSellerProfile, useSeries } from './queries';
import { SellerProfileDialog } from './SellerProfileDialog';
import { SeriesDialog } from './SeriesDialog';
import { useDraftFromHash } from './use-draft-from-hash';

/** "Wystaw fakturę": the issuing form for the selected company, its drafts and its seller data. */
export function IssuePage() {
  const { t } = useTranslation();
  const companies = useCompanies();
  const nip = companies.data?.selectedNip ?? null;
  if (companies.isError) return <ErrorAlert error={companies.error} />;
  if (!companies.data) return <CircularProgress />;
  if (!nip) {
    return (
      <Stack sx={{ alignItems: 'center' }}>
        <EmptyState icon={<PostAddOutlinedIcon fontSize="inherit" />} title={t('issue.title')} body={t('issue.noCompany')} />
        <Button variant="contained" onClick={() => (window.location.hash = '/companies')}>
          {t('issue.goCompanies')}
        </Button>
      </Stack>
    );
  }
  return <IssueWorkspace key={nip} nip={nip} />;
}

function IssueWorkspace({ nip }: { nip: string }) {
  const profile = useSellerProfile(nip);
  const series = useSeries(nip);
  if (profile.isError) return <ErrorAlert error={profile.error} />;
  if (series.isError) return <ErrorAlert error={series.error} />;
  if (!profile.data || !series.data) return <CircularProgress />;
  return <Workspace nip={nip} profile={profile.data} series={series.data} />;
}

interface Current {
  key: number;
  form: IssueFormValues;
  draftId: string | null;
}

function Workspace({ nip, profile, series }: { nip: string; profile: SellerProfile; series: NumberingSeries[] }) {
  const { t, i18n } = useTranslation();
  const [current, setCurrent] = useState<Current>(() => ({ key: 0, form: newInvoiceForm(profile, series), draftId: null }));
  const [profileOpen, setProfileOpen] = useState(false);
  const [seriesOpen, setSeriesOpen] = useState(false);
  const [booksOpen, setBooksOpen] = useState(false);
  const profileMissing = profile.address.line1.trim() === '';

  const startNew = () => setCurrent((previous) => ({ key: previous.key + 1, form: newInvoiceForm(profile, series), draftId: null }));
  const onDraftCreated = useCallback((id: string) => setCurrent((previous) => ({ ...previous, draftId: id })), []);
  // New seller data (an account, the place of issue) reaches a form nobody has typed into yet.
  const defaultsKey = JSON.stringify([profile, series]);
  const seenDefaults = useRef(defaultsKey);
  useEffect(() => {
    if (seenDefaults.current === defaultsKey) return;
    seenDefaults.current = defaultsKey;
    setCurrent((previous) => (previous.draftId === null ? { key: previous.key + 1, form: newInvoiceForm(profile, series), draftId: null } : previous));
  }, [defaultsKey, profile, series]);
  const openDraft = (draft: Draft) =>
    setCurrent((previous) => ({ key: previous.key + 1, form: withDefaults({ ...draft.form, lines: withDecimalComma(draft.form.lines, i18n.language) }, profile, series), draftId: draft.id }));
  const [openFailure, setOpenFailure] = useState<unknown>(null);
  useDraftFromHash(openDraft, setOpenFailure);

  return (
    <Box sx={{ maxWidth: 1180 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start', mb: 2 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h5" component="h1">
            {t('issue.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" data-testid="issue-seller">
            {t('issue.company', { name: profile.name, nip })}
          </Typography>
          <Stack direction="row" spacing={0.5} sx={{ mt: 0.5, ml: -1 }}>
            <Button size="small" startIcon={<StorefrontOutlinedIcon />} onClick={() => setProfileOpen(true)} data-testid="seller-profile-button">
              {t('issue.actions.sellerProfile')}
            </Button>
            <Button size="small" startIcon={<MenuBookOutlinedIcon />} onClick={() => setBooksOpen(true)} data-testid="books-button">
              {t('issueBooks.manage')}
            </Button>
            <Button size="small" startIcon={<FormatListNumberedOutlinedIcon />} onClick={() => setSeriesOpen(true)} data-testid="series-button">
              {t('issue.series.manage')}
            </Button>
          </Stack>
        </Box>
        <DraftsMenu nip={nip} currentDraftId={current.draftId} onOpen={openDraft} />
        <Button variant="contained" startIcon={<AddOutlinedIcon />} onClick={startNew} data-testid="new-invoice">
          {t('issue.newInvoice')}
        </Button>
      </Stack>
      {openFailure ? <ErrorAlert error={openFailure} /> : null}
      {current.form.replacesOutboxId ? (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="fixing-rejected">
          {t('issue.fixRejected', { number: current.form.number })}
        </Alert>
      ) : null}
      {profileMissing ? (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" size="small" onClick={() => setProfileOpen(true)}>
              {t('issue.actions.sellerProfile')}
            </Button>
          }
        >
          {t('issue.seller.missing')}
        </Alert>
      ) : null}
      <IssueForm key={current.key} nip={nip} initial={current.form} draftId={current.draftId} profile={profile} series={series} onNew={startNew} onDraftCreated={onDraftCreated} />
      {booksOpen ? <BooksDialog nip={nip} open onClose={() => setBooksOpen(false)} /> : null}
      {seriesOpen ? <SeriesDialog nip={nip} series={series} open onClose={() => setSeriesOpen(false)} /> : null}
      {profileOpen ? <SellerProfileDialog profile={profile} open onClose={() => setProfileOpen(false)} /> : null}
    </Box>
  );
}
