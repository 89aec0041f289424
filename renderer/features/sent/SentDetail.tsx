import CloseIcon from '@mui/icons-material/Close';
import DescriptionOutlinedIcon from '@mui/icons-material/DescriptionOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import PostAddOutlinedIcon from '@mui/icons-material/PostAddOutlined';
import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined';
import ReceiptLongOutlinedIcon from '@mui/icons-material/ReceiptLongOutlined';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Divider,
  Drawer,
  IconButton,
  Link,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfflineInvoiceView } from '../../../shared/ipc/channels/offline';
import type { OutboxItemDetail } from '../../../shared/ipc/channels/outbox';
import { DeadlineLabel, OutboxStateChip } from './SentChips';
import { formatAmount, formatCivilDate, type DeadlineView, type SentItem } from './sent-model';

export type SentDetailItem = SentItem & Partial<Pick<OutboxItemDetail, 'hash' | 'origin' | 'timeline'>>;

export type DownloadKind = 'upo' | 'xml' | 'pdf';

export interface SentDetailProps {
  item: SentDetailItem;
  offline: OfflineInvoiceView | undefined;
  deadline: DeadlineView;
  /** C's InvoiceView for the stored XML, when it could be built. */
  view: ReactNode;
  canCorrectTechnically: boolean;
  busyDownload: DownloadKind | null;
  onDownload: (kind: DownloadKind) => void;
  onResend: () => void;
  onOpenInForm: () => void;
  onTechnicalCorrection: () => void;
  onClose: () => void;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

/** One sent invoice: facts, downloads, KSeF's reason for a rejection (Polish and English), offline codes, history, view. */
export function SentDetail(props: SentDetailProps) {
  const { t, i18n } = useTranslation();
  const { item, offline } = props;
  const language = i18n.language;
  // KSeF's status code in both languages (the outbox's words), beside KSeF's own description.
  const reasonIn = (lng: 'pl' | 'en', code: string) => {
    const fixed = i18n.getFixedT(lng);
    return i18n.exists(`ksefInvoiceStatus.${code}`, { lng }) ? fixed(`ksefInvoiceStatus.${code}`) : fixed('ksefInvoiceStatus.other', { code });
  };
  const reason = item.error ? { pl: reasonIn('pl', item.error.code), en: reasonIn('en', item.error.code) } : null;
  const timeFormat = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'pl-PL', { dateStyle: 'short', timeStyle: 'medium' });

  return (
    // Above the app bar (which sits over the permanent navigation drawer).
    <Drawer anchor="right" open onClose={props.onClose} sx={{ zIndex: (theme) => theme.zIndex.modal }} slotProps={{ paper: { sx: { width: { xs: '100%', md: 820 } } } }}>
      <Stack spacing={2} sx={{ p: 3 }} data-testid="sent-detail">
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            {t('sent.detail.title', { number: item.invoiceNumber })}
          </Typography>
          <OutboxStateChip state={item.state} />
          <IconButton aria-label={t('sent.detail.close')} onClick={props.onClose}>
            <CloseIcon />
          </IconButton>
        </Stack>

        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2 }}>
          <Fact label={t('sent.detail.ksefNumber')}>
            <Box component="span" sx={item.ksefNumber ? { fontFamily: 'monospace' } : { color: 'text.secondary' }} data-testid="detail-ksef-number">
              {item.ksefNumber ?? t('sent.detail.noKsefNumber')}
            </Box>
          </Fact>
          <Fact label={t('sent.detail.issueDate')}>{formatCivilDate(item.issueDate, language)}</Fact>
          <Fact label={t('sent.detail.buyer')}>{item.buyerName}</Fact>
          <Fact label={t('sent.detail.gross')}>{formatAmount(item.grossTotal, item.currency, language)}</Fact>
          <Fact label={t('sent.detail.seller')}>{item.sellerNip}</Fact>
          {item.hash ? (
            <Fact label={t('sent.detail.hash')}>
              <Box component="span" sx={{ fontFamily: 'monospace', fontSize: 12 }}>
                {item.hash}
              </Box>
            </Fact>
          ) : null}
        </Box>

        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          <Button
            variant="outlined"
            startIcon={<ReceiptLongOutlinedIcon />}
            disabled={item.state !== 'accepted' || props.busyDownload !== null}
            onClick={() => props.onDownload('upo')}
            data-testid="download-upo"
          >
            {t('sent.detail.downloadUpo')}
          </Button>
          <Button variant="outlined" startIcon={<DescriptionOutlinedIcon />} disabled={props.busyDownload !== null} onClick={() => props.onDownload('xml')} data-testid="download-xml">
            {t('sent.detail.downloadXml')}
          </Button>
          <Button variant="outlined" startIcon={<PictureAsPdfOutlinedIcon />} disabled={props.busyDownload !== null} onClick={() => props.onDownload('pdf')} data-testid="download-pdf">
            {t('sent.detail.downloadPdf')}
          </Button>
        </Stack>

        {item.state === 'rejected' && item.error ? (
          <Alert severity="error" data-testid="rejection">
            <AlertTitle>{t('sent.detail.errorTitle', { code: item.error.code })}</AlertTitle>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {t('sent.detail.reasonPl')}
            </Typography>
            <Typography variant="body2" lang="pl">
              {reason?.pl}
              {item.error.description && item.error.description !== reason?.pl ? ` — KSeF: „${item.error.description}”` : ''}
            </Typography>
            {item.error.details?.length ? (
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {item.error.details.map((detail) => (
                  <li key={detail}>
                    <Typography variant="body2">{detail}</Typography>
                  </li>
                ))}
              </Box>
            ) : null}
            <Typography variant="body2" sx={{ fontWeight: 600, mt: 1 }}>
              {t('sent.detail.reasonEn')}
            </Typography>
            <Typography variant="body2" lang="en">
              {reason?.en}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
              {props.canCorrectTechnically ? (
                <Button variant="contained" color="error" size="small" startIcon={<EditOutlinedIcon />} onClick={props.onTechnicalCorrection} data-testid="technical-correction">
                  {t('sent.detail.technicalCorrection')}
                </Button>
              ) : null}
              <Button variant={props.canCorrectTechnically ? 'outlined' : 'contained'} color="error" size="small" startIcon={<EditOutlinedIcon />} onClick={props.onResend} data-testid="fix-and-resend">
                {t('sent.detail.fixAndResend')}
              </Button>
              <Button variant="outlined" color="error" size="small" startIcon={<PostAddOutlinedIcon />} onClick={props.onOpenInForm} data-testid="open-in-form">
                {t('sent.detail.openInForm')}
              </Button>
            </Stack>
          </Alert>
        ) : null}

        {offline ? (
          <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }} data-testid="offline-section">
            <Typography variant="subtitle2" gutterBottom>
              {t('sent.detail.offlineTitle')}
            </Typography>
            <Stack spacing={0.75}>
              <Typography variant="body2">{t('sent.detail.offlineMode', { mode: t(`sent.mode.${offline.mode}`) })}</Typography>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="body2">{t('sent.column.deadline')}:</Typography>
                <DeadlineLabel view={props.deadline} />
              </Stack>
              <Typography variant="body2">
                {t('sent.detail.kod1')}:{' '}
                <Link href={offline.kod1Url} target="_blank" rel="noreferrer" sx={{ overflowWrap: 'anywhere' }} data-testid="kod1-url">
                  {offline.kod1Url}
                </Link>
              </Typography>
              {offline.kod2Url ? (
                <Typography variant="body2">
                  {t('sent.detail.kod2', { serial: offline.certificateSerial ?? '' })}:{' '}
                  <Link href={offline.kod2Url} target="_blank" rel="noreferrer" sx={{ overflowWrap: 'anywhere' }} data-testid="kod2-url">
                    {offline.kod2Url}
                  </Link>
                </Typography>
              ) : (
                <Alert severity="warning" sx={{ py: 0 }}>
                  {t(`sent.kod2Problem.${offline.kod2Problem ?? 'SIGNING_FAILED'}`)}
                </Alert>
              )}
            </Stack>
          </Box>
        ) : null}

        {item.timeline?.length ? (
          <Box>
            <Typography variant="subtitle2">{t('sent.detail.timeline')}</Typography>
            <List dense disablePadding data-testid="timeline">
              {item.timeline.map((entry, index) => (
                <ListItem key={`${entry.at}-${index}`} disableGutters>
                  <ListItemText
                    primary={t(`sent.timelineState.${entry.state}`)}
                    secondary={`${timeFormat.format(new Date(entry.at))}${entry.note ? ` · ${entry.note}` : ''}`}
                  />
                </ListItem>
              ))}
            </List>
          </Box>
        ) : null}

        <Divider />
        {props.view}
      </Stack>
    </Drawer>
  );
}
