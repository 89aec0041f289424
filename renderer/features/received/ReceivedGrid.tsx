import { Box, Chip, Stack, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import { enUS, plPL } from '@mui/x-data-grid/locales';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivedInvoiceRow, ReceivedSortField } from '../../../shared/ipc/channels/received';
import { RECEIVED_SORT_FIELDS } from '../../../shared/ipc/channels/received';
import { formatDate, formatMoney } from './format';

export interface GridQuery {
  page: number;
  pageSize: number;
  sort: { field: ReceivedSortField; direction: 'asc' | 'desc' };
}

const FIELD_BY_COLUMN: Record<string, ReceivedSortField> = {
  issueDate: 'issueDate',
  invoiceNumber: 'invoiceNumber',
  sellerName: 'sellerName',
  sellerNip: 'sellerNip',
  netTotal: 'net',
  grossTotal: 'gross',
  currency: 'currency',
  kind: 'kind',
};

function amountColumn(field: 'netTotal' | 'vatTotal' | 'grossTotal', headerName: string, language: string, sortable: boolean): GridColDef<ReceivedInvoiceRow> {
  return {
    field,
    headerName,
    width: 140,
    align: 'right',
    headerAlign: 'right',
    sortable,
    renderCell: ({ row }) => (
      <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: field === 'grossTotal' ? 600 : 400 }}>
        {formatMoney(row[field], null, language)}
      </Typography>
    ),
  };
}

/** The archive page by page: paging and sorting happen in main (the archive), the grid only renders one page. */
export function ReceivedGrid(props: {
  rows: ReceivedInvoiceRow[];
  total: number;
  loading: boolean;
  query: GridQuery;
  showCompany: boolean;
  onQuery: (query: GridQuery) => void;
  onOpen: (row: ReceivedInvoiceRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const columns = useMemo<GridColDef<ReceivedInvoiceRow>[]>(
    () => [
      {
        field: 'state',
        headerName: t('received.column.state'),
        width: 120,
        sortable: false,
        renderCell: ({ row }) => (
          <Stack direction="row" spacing={0.5}>
            {!row.read ? <Chip size="small" color="primary" label={t('received.state.unread')} /> : null}
            {row.bookedAt ? <Chip size="small" variant="outlined" color="success" label={t('received.state.booked')} /> : null}
            {row.paidAt ? <Chip size="small" variant="outlined" label={t('received.state.paid')} /> : null}
          </Stack>
        ),
      },
      { field: 'issueDate', headerName: t('received.column.issueDate'), width: 165, valueFormatter: (value: string) => formatDate(value, language) },
      { field: 'invoiceNumber', headerName: t('received.column.invoiceNumber'), flex: 1, minWidth: 150 },
      { field: 'sellerName', headerName: t('received.column.seller'), flex: 1.6, minWidth: 200 },
      { field: 'sellerNip', headerName: t('received.column.sellerNip'), width: 120 },
      amountColumn('netTotal', t('received.column.net'), language, true),
      amountColumn('vatTotal', t('received.column.vat'), language, false),
      amountColumn('grossTotal', t('received.column.gross'), language, true),
      { field: 'currency', headerName: t('received.column.currency'), width: 80 },
      { field: 'kind', headerName: t('received.column.kind'), width: 110, valueFormatter: (value: string) => (t(`received.kind.${value}`, { defaultValue: value })) },
      ...(props.showCompany ? [{ field: 'companyNip', headerName: t('received.column.company'), width: 120, sortable: false } satisfies GridColDef<ReceivedInvoiceRow>] : []),
      {
        field: 'ksefNumber',
        headerName: t('received.column.ksefNumber'),
        width: 290,
        sortable: false,
        renderCell: ({ row }) => (
          <Typography variant="body2" sx={{ fontFamily: 'monospace', fontSize: 12 }}>
            {row.ksefNumber}
          </Typography>
        ),
      },
    ],
    [t, language, props.showCompany],
  );
  const localeText = (language === 'en' ? enUS : plPL).components.MuiDataGrid.defaultProps.localeText;
  const sortColumn = Object.entries(FIELD_BY_COLUMN).find(([, field]) => field === props.query.sort.field)?.[0] ?? 'issueDate';
  const sortModel: GridSortModel = [{ field: sortColumn, sort: props.query.sort.direction }];
  const paginationModel: GridPaginationModel = { page: props.query.page, pageSize: props.query.pageSize };

  return (
    // A fixed-height frame: the grid renders only the rows in view (virtualised), however large the page. The width
    // cap (viewport minus the navigation drawer and padding) makes wide columns scroll inside the grid, not the page.
    <Box sx={{ height: 620, width: '100%', maxWidth: 'calc(100vw - 290px)' }} data-testid="received-grid">
      <DataGrid
        rows={props.rows}
        columns={columns}
        rowCount={props.total}
        loading={props.loading}
        localeText={localeText}
        density="compact"
        paginationMode="server"
        sortingMode="server"
        filterMode="server"
        disableColumnFilter
        disableRowSelectionOnClick
        sortingOrder={['desc', 'asc']}
        pageSizeOptions={[50, 100, 250]}
        paginationModel={paginationModel}
        onPaginationModelChange={(model) => props.onQuery({ ...props.query, page: model.page, pageSize: model.pageSize })}
        sortModel={sortModel}
        onSortModelChange={(model) => {
          const first = model[0];
          const field = first ? FIELD_BY_COLUMN[first.field] : undefined;
          if (field && (RECEIVED_SORT_FIELDS as readonly string[]).includes(field)) props.onQuery({ ...props.query, page: 0, sort: { field, direction: first?.sort === 'asc' ? 'asc' : 'desc' } });
        }}
        onRowClick={({ row }) => props.onOpen(row)}
        getRowClassName={({ row }) => (row.read ? 'received-row' : 'received-row received-unread')}
        sx={{
          bgcolor: 'background.paper',
          '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' },
          '& .received-row': { cursor: 'pointer' },
          '& .received-unread': { fontWeight: 600 },
        }}
      />
    </Box>
  );
}
