import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import CloudOffOutlinedIcon from '@mui/icons-material/CloudOffOutlined';
import SaveOutlinedIcon from '@mui/icons-material/SaveOutlined';
import SendOutlinedIcon from '@mui/icons-material/SendOutlined';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import { Button, ButtonGroup, Chip, ListItemIcon, Menu, MenuItem, Paper, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '../../components/BusyButton';
import type { SaveStatus } from './autosave';

interface ActionBarProps {
  status: SaveStatus;
  savedAt: Date | null;
  /** The app issues offline now (an outage, or offline mode chosen on the Sent page). */
  offlineMode: boolean;
  onSave: () => void;
  onPreview: () => void;
  onIssue: (offline: boolean) => void;
  previewing: boolean;
  issuing: boolean;
}

/** Always in reach at the bottom: where the draft stands, and Zapisz szkic · Podgląd · Wystaw (or Wystaw offline). */
export function ActionBar({ status, savedAt, offlineMode, onSave, onPreview, onIssue, previewing, issuing }: ActionBarProps) {
  const { t, i18n } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  const statusText =
    status === 'saving'
      ? t('issue.autosave.saving')
      : status === 'saved' && savedAt
        ? t('issue.autosave.saved', { time: savedAt.toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) })
        : status === 'pending'
          ? t('issue.autosave.dirty')
          : status === 'failed'
            ? t('issue.autosave.failed')
            : '';
  return (
    <Paper elevation={6} sx={{ position: 'sticky', bottom: 16, mt: 2, px: 2, py: 1.5, zIndex: 2 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color={status === 'failed' ? 'error' : 'text.secondary'} sx={{ flexGrow: 1 }} data-testid="autosave-status" data-status={status} role="status">
          {statusText}
        </Typography>
        {offlineMode ? <Chip size="small" color="warning" icon={<CloudOffOutlinedIcon />} label={t('issue.actions.offlineMode')} data-testid="issue-offline-mode" /> : null}
        <Button variant="text" startIcon={<SaveOutlinedIcon />} onClick={onSave} data-testid="save-draft" title="Ctrl+S">
          {t('issue.actions.saveDraft')}
        </Button>
        <BusyButton variant="outlined" startIcon={<VisibilityOutlinedIcon />} busy={previewing} onClick={onPreview} data-testid="preview">
          {t('issue.actions.preview')}
        </BusyButton>
        <ButtonGroup variant="contained" ref={anchor}>
          <BusyButton variant="contained" startIcon={<SendOutlinedIcon />} busy={issuing} busyLabel={t('issue.actions.issuing')} onClick={() => onIssue(false)} data-testid="issue">
            {t('issue.actions.issue')}
          </BusyButton>
          <Button size="small" aria-label={t('issue.actions.more')} aria-haspopup="menu" disabled={issuing} onClick={() => setMenuOpen(true)} data-testid="issue-more">
            <ArrowDropDownIcon />
          </Button>
        </ButtonGroup>
        <Menu anchorEl={anchor.current} open={menuOpen} onClose={() => setMenuOpen(false)} anchorOrigin={{ vertical: 'top', horizontal: 'right' }} transformOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
          <MenuItem
            onClick={() => {
              setMenuOpen(false);
              onIssue(true);
            }}
            data-testid="issue-offline"
          >
            <ListItemIcon>
              <CloudOffOutlinedIcon fontSize="small" />
            </ListItemIcon>
            {t('issue.actions.issueOffline')}
          </MenuItem>
        </Menu>
      </Stack>
    </Paper>
  );
}
