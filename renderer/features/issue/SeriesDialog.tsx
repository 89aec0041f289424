import AddOutlinedIcon from '@mui/icons-material/AddOutlined';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Radio, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERIES_RESETS, type NumberingSeries, type SeriesInput } from '../../../shared/ipc/channels/issue';
import { BusyButton } from '../../components/BusyButton';
import { errorText } from '../../components/error-text';
import { useSaveSeries } from './queries';

const field = { size: 'small' as const, slotProps: { inputLabel: { shrink: true } } };

/** Numbering series of the company: name, pattern, when the counter restarts, which one is the default. */
export function SeriesDialog({ nip, series, open, onClose }: { nip: string; series: NumberingSeries[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSeries(nip);
  const [rows, setRows] = useState<SeriesInput[]>(() => series.map((entry) => ({ ...entry })));
  const [problem, setProblem] = useState<{ index: number; text: string } | null>(null);
  const set = (index: number, change: Partial<SeriesInput>) =>
    setRows((current) => current.map((row, position) => (position === index ? { ...row, ...change } : change.isDefault ? { ...row, isDefault: false } : row)));

  const submit = async () => {
    setProblem(null);
    // The default goes last, so the store never sees two defaults on the way.
    const ordered = rows.map((row, index) => ({ row, index })).sort((a, b) => Number(a.row.isDefault) - Number(b.row.isDefault));
    for (const { row, index } of ordered) {
      try {
        const saved = await save.mutateAsync(row);
        // A new series has its id now: saving again must update it, not add a second one.
        setRows((current) => current.map((entry, position) => (position === index ? { ...entry, id: saved.id } : entry)));
      } catch (error) {
        const detail = (error as { payload?: { details?: string[] } }).payload?.details?.[0] ?? '';
        const code = detail.startsWith('pattern:') ? detail.slice('pattern:'.length) : '';
        setProblem({ index, text: code ? t(`issue.series.problems.${code}`, { defaultValue: errorText(error) }) : errorText(error) });
        return;
      }
    }
    onClose();
  };

  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth data-testid="series-dialog">
      <DialogTitle>{t('issue.series.title')}</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('issue.series.intro')}
        </Typography>
        <Stack spacing={1.5}>
          {rows.map((row, index) => (
            <Box key={row.id ?? `new-${index}`} sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr 1.4fr 1fr 90px', alignItems: 'start' }}>
              <TextField {...field} label={t('issue.series.name')} value={row.name} onChange={(event) => set(index, { name: event.target.value })} />
              <TextField
                {...field}
                label={t('issue.series.pattern')}
                value={row.pattern}
                onChange={(event) => set(index, { pattern: event.target.value })}
                error={problem?.index === index}
                helperText={problem?.index === index ? problem.text : ' '}
              />
              <TextField {...field} select slotProps={{ ...field.slotProps, select: { native: true } }} label={t('issue.series.reset')} value={row.reset} onChange={(event) => set(index, { reset: event.target.value as SeriesInput['reset'] })}>
                {SERIES_RESETS.map((reset) => (
                  <option key={reset} value={reset}>
                    {t(`issue.series.resets.${reset}`)}
                  </option>
                ))}
              </TextField>
              <Stack direction="row" sx={{ alignItems: 'center' }}>
                <Radio size="small" checked={row.isDefault} onChange={() => set(index, { isDefault: true })} slotProps={{ input: { 'aria-label': t('issue.series.default') } }} />
                <Typography variant="caption">{t('issue.series.default')}</Typography>
              </Stack>
            </Box>
          ))}
        </Stack>
        <Button size="small" startIcon={<AddOutlinedIcon />} sx={{ mt: 1 }} onClick={() => setRows((current) => [...current, { name: '', pattern: '{nr}/{MM}/{RRRR}', reset: 'auto', isDefault: false }])}>
          {t('issue.series.add')}
        </Button>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 2 }}>
          {t('issue.series.tokens')}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('issue.cancel')}</Button>
        <BusyButton variant="contained" busy={save.isPending} onClick={() => void submit()}>
          {t('issue.series.save')}
        </BusyButton>
      </DialogActions>
    </Dialog>
  );
}
