import { Box, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { enUS, plPL } from '@mui/x-data-grid/locales';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DeadlineLabel, OutboxStateChip } from './SentChips';
import { formatAmount, formatCivilDate, type DeadlineView, type SentItem } from './sent-model';

export interface SentRow extends SentItem {
  deadline: DeadlineView;
}

const DEADLINE_ORDER = (view: DeadlineView) => (view.kind === 'date' ? view.date : view.kind === 'open' ? '9999-12-30' : '9999-12-31');

/** The outbox as a sortable, paged grid; a click on a row opens the invoice. */
export function SentTable({ rows, onOpen }: { rows: SentRow[]; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const columns = useMemo<GridColDef<SentRow>[]>(
    () => [
      { field: 'invoiceNumber', headerName: t('sent.column.number'), flex: 1, minWidth: 120 },
      { field: 'buyerName', headerName: t('sent.column.buyer'), flex: 1.4, minWidth: 140 },
      {
        field: 'issueDate',
        headerName: t('sent.column.issueDate'),
        width: 170,
        valueFormatter: (value: string) => formatCivilDate(value, language),
      },
      {
        field: 'grossTotal',
        headerName: t('sent.column.gross'),
        width: 130,
        align: 'right',
        headerAlign: 'right',
        sortComparator: (a: string, b: string) => Number(a) - Number(b),
        renderCell: ({ row }) => (
          <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatAmount(row.grossTotal, row.currency, language)}
          </Typography>
        ),
      },
      {
        field: 'state',
        headerName: t('sent.column.status'),
        width: 140,
        renderCell: ({ row }) => <OutboxStateChip state={row.state} />,
      },
      {
        field: 'ksefNumber',
        headerName: t('sent.column.ksefNumber'),
        width: 270,
        renderCell: ({ row }) => (
          <Typography variant="body2" sx={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="ksef-number">
            {row.ksefNumber ?? '—'}
          </Typography>
        ),
      },
      {
        field: 'deadline',
        headerName: t('sent.column.deadline'),
        width: 175,
        sortComparator: (a: DeadlineView, b: DeadlineView) => DEADLINE_ORDER(a).localeCompare(DEADLINE_ORDER(b)),
        renderCell: ({ row }) => <DeadlineLabel view={row.deadline} />,
      },
    ],
    [t, language],
  );
  const localeText = (language === 'en' ? enUS : plPL).components.MuiDataGrid.defaultProps.localeText;

  return (
    <Box data-testid="sent-table">
      <DataGrid
        rows={rows}
        columns={columns}
        localeText={localeText}
        density="compact"
        disableRowSelectionOnClick
        disableColumnMenu
        autoHeight
        pageSizeOptions={[25, 50, 100]}
        initialState={{ pagination: { paginationModel: { pageSize: 25 } }, sorting: { sortModel: [{ field: 'issueDate', sort: 'desc' }] } }}
        onRowClick={({ row }) => onOpen(row.id)}
        getRowClassName={() => 'sent-row'}
        sx={{
          bgcolor: 'background.paper',
          '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' },
          '& .sent-row': { cursor: 'pointer' },
        }}
      />
    </Box>
  );
}
