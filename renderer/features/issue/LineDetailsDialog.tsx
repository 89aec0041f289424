import TuneOutlinedIcon from '@mui/icons-material/TuneOutlined';
import { Badge, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Stack, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { GTU_CODES } from '../../../shared/domain/invoice/codes';
import type { FormLine, IssueFormValues } from '../../../shared/ipc/channels/issue';
import { FormCheckbox, FormSelect, FormText, type IssueFieldPath } from './fields';

/**
 * The "more" of one line: PKWiU, GTU and the Annex 15 flag (P_12_Zal_15). The button shows a dot when any
 * is set, so a line with details is visible in the table without opening it.
 */
export function LineDetailsButton({ row, index }: { row: string; index: number }) {
  const { t } = useTranslation();
  const { control } = useFormContext<IssueFormValues>();
  const line = useWatch({ control, name: row as IssueFieldPath }) as FormLine | undefined;
  const [open, setOpen] = useState(false);
  const hasDetails = Boolean(line && (line.pkwiu.trim() || line.gtu || line.annex15));
  const label = t('issueAdvance.details.open', { index: index + 1 });
  return (
    <>
      <Tooltip title={label}>
        <IconButton size="small" aria-label={label} onClick={() => setOpen(true)} sx={{ mt: 0.5 }} data-testid="line-details">
          <Badge variant="dot" color="primary" invisible={!hasDetails}>
            <TuneOutlinedIcon fontSize="small" />
          </Badge>
        </IconButton>
      </Tooltip>
      {/* Keys typed in the dialog must not reach the row (Enter there adds a line): React bubbles them through the portal. */}
      <Dialog open={open} onClose={() => setOpen(false)} onKeyDown={(event) => event.stopPropagation()} maxWidth="xs" fullWidth>
        <DialogTitle>{t('issueAdvance.details.title', { index: index + 1 })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <FormText name={`${row}.pkwiu` as IssueFieldPath} label={t('issueAdvance.details.pkwiu')} helperText={t('issueAdvance.details.pkwiuHint')} testId="line-pkwiu" autoFocus />
            <FormSelect
              name={`${row}.gtu` as IssueFieldPath}
              label={t('issueAdvance.details.gtu')}
              options={[{ value: '', label: t('issueAdvance.details.noGtu') }, ...GTU_CODES.map((code) => ({ value: code, label: code }))]}
              testId="line-gtu"
            />
            <FormCheckbox name={`${row}.annex15` as IssueFieldPath} label={t('issueAdvance.details.annex15')} testId="line-annex15" />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} data-testid="line-details-close">
            {t('issueAdvance.details.close')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
