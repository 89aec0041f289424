import ContentCopyOutlinedIcon from '@mui/icons-material/ContentCopyOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import DescriptionOutlinedIcon from '@mui/icons-material/DescriptionOutlined';
import { Badge, Box, Button, IconButton, List, ListItem, ListItemButton, ListItemText, ListSubheader, Popover, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmountPl } from '../../../shared/domain/money';
import type { Draft, DraftSummary } from '../../../shared/ipc/channels/issue';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useDraftMutations, useDrafts, useIssuedInvoices } from './queries';

/** Drafts (open, copy, delete) and issued invoices (copy as a new one). */
export function DraftsMenu({ nip, currentDraftId, onOpen }: { nip: string; currentDraftId: string | null; onOpen: (draft: Draft) => void }) {
  const { t, i18n } = useTranslation();
  const drafts = useDrafts(nip);
  const issued = useIssuedInvoices(nip);
  const mutations = useDraftMutations();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [toDelete, setToDelete] = useState<DraftSummary | null>(null);
  const list = drafts.data ?? [];
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  const open = (id: string) =>
    mutations.open.mutate(id, {
      onSuccess: (draft) => {
        setAnchor(null);
        onOpen(draft);
      },
    });
  const copy = (source: 'draft' | 'issued', id: string) =>
    mutations.copy.mutate(
      { source, id },
      {
        onSuccess: (draft) => {
          setAnchor(null);
          onOpen(draft);
        },
      },
    );

  return (
    <>
      <Badge badgeContent={list.length} color="primary">
        <Button variant="outlined" startIcon={<DescriptionOutlinedIcon />} onClick={(event) => setAnchor(event.currentTarget)} data-testid="drafts-button">
          {t('issue.drafts')}
        </Button>
      </Badge>
      <Popover open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <Box sx={{ width: 440, maxHeight: 520, overflow: 'auto' }} data-testid="drafts-menu">
          <List dense subheader={<ListSubheader>{t('issue.drafts')}</ListSubheader>}>
            {list.length === 0 ? (
              <ListItem>
                <Typography variant="body2" color="text.secondary">
                  {t('issue.noDrafts')}
                </Typography>
              </ListItem>
            ) : null}
            {list.map((draft) => (
              <ListItem
                key={draft.id}
                disablePadding
                data-testid="draft-entry"
                secondaryAction={
                  <>
                    <Tooltip title={t('issue.copyAsNew')}>
                      <IconButton size="small" aria-label={t('issue.copyAsNew')} onClick={() => copy('draft', draft.id)}>
                        <ContentCopyOutlinedIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={t('issue.deleteDraft')}>
                      <IconButton size="small" aria-label={t('issue.deleteDraft')} onClick={() => setToDelete(draft)}>
                        <DeleteOutlineIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </>
                }
              >
                <ListItemButton selected={draft.id === currentDraftId} onClick={() => open(draft.id)} sx={{ pr: 10 }}>
                  <ListItemText
                    primary={draft.buyerName || t('issue.draftUntitled')}
                    secondary={t('issue.draftLine', { kind: t(`issue.kinds.${draft.kind}`), lines: draft.lineCount, time: time(draft.updatedAt) })}
                  />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
          <List dense subheader={<ListSubheader>{t('issue.issuedList')}</ListSubheader>}>
            {(issued.data ?? []).length === 0 ? (
              <ListItem>
                <Typography variant="body2" color="text.secondary">
                  {t('issue.noIssued')}
                </Typography>
              </ListItem>
            ) : null}
            {(issued.data ?? []).slice(0, 30).map((invoice) => (
              <ListItem
                key={invoice.id}
                data-testid="issued-entry"
                secondaryAction={
                  <Tooltip title={t('issue.copyAsNew')}>
                    <IconButton size="small" aria-label={t('issue.copyAsNew')} onClick={() => copy('issued', invoice.id)}>
                      <ContentCopyOutlinedIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                }
              >
                <ListItemText primary={`${invoice.number} · ${invoice.buyerName}`} secondary={`${invoice.issueDate} · ${formatAmountPl(invoice.grossTotal)} ${invoice.currency}`} />
              </ListItem>
            ))}
          </List>
        </Box>
      </Popover>
      <ConfirmDialog
        open={toDelete !== null}
        title={t('issue.deleteDraftTitle')}
        body={t('issue.deleteDraftBody', { buyer: toDelete?.buyerName || t('issue.draftUntitled') })}
        confirmLabel={t('issue.deleteConfirm')}
        cancelLabel={t('issue.cancel')}
        danger
        onCancel={() => setToDelete(null)}
        onConfirm={() => {
          if (toDelete) mutations.remove.mutate(toDelete.id);
          setToDelete(null);
        }}
      />
    </>
  );
}
