import { Alert, Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectionPreview } from '../../../shared/ipc/channels/offline';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';

export interface XmlEditDialogProps {
  mode: 'resend' | 'technical';
  initialXml: string;
  /** Technical correction: what main says about the fixed file (refusal, content differences). */
  onCheck?: (xml: string) => Promise<CorrectionPreview>;
  onSend: (xml: string, acceptDifferences: boolean) => Promise<unknown>;
  onClose: () => void;
}

/** "Edit the XML and send again": a plain editor for a rejected file, with the technical-correction checks when asked. */
export function XmlEditDialog({ mode, initialXml, onCheck, onSend, onClose }: XmlEditDialogProps) {
  const { t } = useTranslation();
  const [xml, setXml] = useState(initialXml);
  const [preview, setPreview] = useState<CorrectionPreview | null>(null);
  const [accept, setAccept] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const needsAcceptance = (preview?.differences.length ?? 0) > 0;
  const blocked = mode === 'technical' && (preview === null || !preview.allowed || (needsAcceptance && !accept));

  const run = async (operation: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await operation();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="xml-edit-dialog">
      <DialogTitle>{mode === 'technical' ? t('sent.edit.technicalTitle') : t('sent.edit.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {mode === 'technical' ? t('sent.edit.technicalIntro') : t('sent.edit.resendIntro')}
        </Typography>
        <TextField
          value={xml}
          onChange={(event) => {
            setXml(event.target.value);
            setPreview(null);
            setAccept(false);
          }}
          multiline
          minRows={14}
          maxRows={24}
          fullWidth
          slotProps={{ htmlInput: { spellCheck: false, 'aria-label': 'XML', style: { fontFamily: 'monospace', fontSize: 12 } } }}
        />
        <Box sx={{ mt: 2, display: 'grid', gap: 1 }}>
          {preview && !preview.allowed && preview.refusal ? <Alert severity="error">{t(`sent.edit.refusal.${preview.refusal}`)}</Alert> : null}
          {preview?.allowed && !needsAcceptance ? <Alert severity="info">{t('sent.edit.unchanged')}</Alert> : null}
          {preview && needsAcceptance ? (
            <Alert severity="warning" data-testid="content-differences">
              <Typography variant="body2">{t('sent.edit.differences')}</Typography>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {preview.differences.map((difference) => (
                  <li key={difference.field}>
                    <Typography variant="body2">
                      {difference.field}: {difference.before ?? '—'} → {difference.after ?? '—'}
                    </Typography>
                  </li>
                ))}
              </Box>
              <FormControlLabel control={<Checkbox checked={accept} onChange={(event) => setAccept(event.target.checked)} />} label={t('sent.edit.acceptDifferences')} />
            </Alert>
          ) : null}
          {error ? <ErrorAlert error={error} /> : null}
          {sent ? <Alert severity="success">{t('sent.edit.sent')}</Alert> : null}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('sent.edit.cancel')}</Button>
        {mode === 'technical' && onCheck ? (
          <BusyButton busy={busy && preview === null} onClick={() => void run(async () => setPreview(await onCheck(xml)))}>
            {t('sent.edit.check')}
          </BusyButton>
        ) : null}
        <BusyButton
          variant="contained"
          busy={busy}
          disabled={blocked || sent}
          onClick={() =>
            void run(async () => {
              await onSend(xml, accept);
              setSent(true);
            })
          }
          data-testid="xml-edit-send"
        >
          {t('sent.edit.send')}
        </BusyButton>
      </DialogActions>
    </Dialog>
  );
}
