import MoveToInboxOutlinedIcon from '@mui/icons-material/MoveToInboxOutlined';
import { Box, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from './ExportButton';
import { EMPTY_FORM, hasFilters, toFilter, type FilterForm } from './filter-model';
import { ReceivedDetail } from './ReceivedDetail';
import { ReceivedFilters } from './ReceivedFilters';
import { ReceivedGrid, type GridQuery } from './ReceivedGrid';
import { ReceivedTotals } from './ReceivedTotals';
import { useReceivedList, useReceivedMutations, useReceivedTotals } from './received-queries';
import { SyncPanel } from './SyncPanel';

/** Waits until typing pauses, so the archive is not queried on every key. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Received invoices of one or all companies, answered by the local archive; sync, viewer and export around it. */
export function ReceivedPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<FilterForm>(EMPTY_FORM);
  const [query, setQuery] = useState<GridQuery>({ page: 0, pageSize: 100, sort: { field: 'issueDate', direction: 'desc' } });
  const [openId, setOpenId] = useState<number | null>(null);
  const settledForm = useDebounced(form, 250);
  const filter = useMemo(() => toFilter(settledForm), [settledForm]);
  const list = useReceivedList({ filter, offset: query.page * query.pageSize, limit: query.pageSize, sort: query.sort });
  const totals = useReceivedTotals(filter);
  const { markSeen } = useReceivedMutations();
  const markSeenNow = markSeen.mutate;
  const total = list.data?.total ?? 0;

  // Looking at the list counts as having seen what it shows: the navigation badge resets.
  useEffect(() => {
    if (list.data) markSeenNow(filter.companyNip ? { companyNip: filter.companyNip } : {});
  }, [list.data, filter.companyNip, markSeenNow]);

  const changeForm = (next: FilterForm) => {
    setForm(next);
    setQuery((current) => ({ ...current, page: 0 }));
  };
  const archiveEmpty = list.data !== undefined && total === 0 && !hasFilters(settledForm) && filter.companyNip === undefined;

  return (
    <Stack spacing={2} data-testid="received-page">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-end' } }}>
        <Box>
          <Typography variant="h5" component="h1">
            {t('received.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('received.intro')}
          </Typography>
        </Box>
        <ExportButton filter={filter} disabled={total === 0} />
      </Stack>
      <SyncPanel subject={form.subject} />
      {archiveEmpty ? (
        <EmptyState icon={<MoveToInboxOutlinedIcon fontSize="inherit" />} title={t('received.empty.title')} body={t('received.empty.body')} />
      ) : (
        <>
          <ReceivedFilters form={form} onChange={changeForm} />
          {list.error ? <ErrorAlert error={list.error} /> : null}
          <ReceivedTotals totals={totals.data ?? []} />
          {list.data && total === 0 ? <Typography color="text.secondary">{t('received.empty.filtered')}</Typography> : null}
          <ReceivedGrid
            rows={list.data?.rows ?? []}
            total={total}
            loading={list.isFetching}
            query={query}
            showCompany={!filter.companyNip}
            onQuery={setQuery}
            onOpen={(row) => setOpenId(row.id)}
          />
        </>
      )}
      <ReceivedDetail id={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
