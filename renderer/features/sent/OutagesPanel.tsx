import { Alert, Box, Button, Card, CardContent, CardHeader, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutageView } from '../../../shared/ipc/channels/offline';
import { unwrap, useKsefApi } from '../../api/api-context';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { sentKeys } from './sent-queries';

const outagesKey = [...sentKeys.offline, 'outages'] as const;

/** `datetime-local` text (the user's clock) as an ISO instant. */
function toIso(local: string): string {
  return new Date(local).toISOString();
}

/**
 * Periods when KSeF did not work: those the app detected and those the Ministry announced (entered here). An
 * announced emergency (awaria) gives offline invoices 7 business days after it ends (PROTOCOL §14).
 */
export function OutagesPanel() {
  const { t, i18n } = useTranslation();
  const api = useKsefApi();
  const client = useQueryClient();
  const outages = useQuery({ queryKey: outagesKey, queryFn: () => unwrap(api.offline.outages({})) });
  const onSaved = (list: OutageView[]) => {
    client.setQueryData(outagesKey, list);
    void client.invalidateQueries({ queryKey: sentKeys.offlineInvoices });
  };
  const announce = useMutation({ mutationFn: (request: { kind: OutageView['kind']; start: string; end?: string }) => unwrap(api.offline.announce(request)), onSuccess: onSaved });
  const end = useMutation({ mutationFn: (id: number) => unwrap(api.offline.endAnnouncement({ id, end: new Date().toISOString() })), onSuccess: onSaved });
  const [kind, setKind] = useState<OutageView['kind']>('emergency');
  const [start, setStart] = useState('');
  const [finish, setFinish] = useState('');
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'pl-PL', { dateStyle: 'short', timeStyle: 'short' });
  const invalid = start === '' || (finish !== '' && finish < start);

  return (
    <Card variant="outlined" data-testid="outages-panel">
      <CardHeader title={t('sent.outages.title')} subheader={t('sent.outages.intro')} slotProps={{ title: { variant: 'subtitle1' }, subheader: { variant: 'body2' } }} />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={2}>
          {outages.isError ? <ErrorAlert error={outages.error} /> : null}
          {outages.data && outages.data.length === 0 ? <Typography variant="body2" color="text.secondary">{t('sent.outages.none')}</Typography> : null}
          {outages.data?.map((period) => (
            <Stack key={period.id} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }} data-testid="outage">
              <Chip size="small" color={period.kind === 'emergency' ? 'error' : 'warning'} label={t(`sent.mode.${period.kind}`)} />
              <Chip size="small" variant="outlined" label={t(`sent.outages.source.${period.source}`)} />
              <Typography variant="body2">
                {format.format(new Date(period.start))} – {period.end ? format.format(new Date(period.end)) : t('sent.outages.lasting')}
              </Typography>
              {period.source === 'announced' && !period.end ? (
                <Button size="small" onClick={() => end.mutate(period.id)}>
                  {t('sent.outages.endNow')}
                </Button>
              ) : null}
            </Stack>
          ))}
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1.2fr 1fr 1fr auto' }, gap: 1.5, alignItems: 'start' }}>
            <TextField select size="small" label={t('sent.outages.kind')} value={kind} onChange={(event) => setKind(event.target.value === 'unavailability' ? 'unavailability' : 'emergency')}>
              <MenuItem value="emergency">{t('sent.mode.emergency')}</MenuItem>
              <MenuItem value="unavailability">{t('sent.mode.unavailability')}</MenuItem>
            </TextField>
            <TextField size="small" type="datetime-local" label={t('sent.outages.start')} value={start} onChange={(event) => setStart(event.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
            <TextField size="small" type="datetime-local" label={t('sent.outages.end')} value={finish} onChange={(event) => setFinish(event.target.value)} slotProps={{ inputLabel: { shrink: true } }} helperText={t('sent.outages.endHint')} />
            <BusyButton
              variant="outlined"
              busy={announce.isPending}
              disabled={invalid}
              onClick={() => announce.mutate({ kind, start: toIso(start), ...(finish ? { end: toIso(finish) } : {}) }, { onSuccess: () => (setStart(''), setFinish('')) })}
            >
              {t('sent.outages.save')}
            </BusyButton>
          </Box>
          {announce.isError ? <ErrorAlert error={announce.error} /> : null}
          {end.isError ? <ErrorAlert error={end.error} /> : null}
          {announce.isSuccess ? <Alert severity="success">{t('sent.outages.saved')}</Alert> : null}
        </Stack>
      </CardContent>
    </Card>
  );
}
