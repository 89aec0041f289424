import { Alert, Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { InvoiceViewData } from '../../../shared/domain/invoice/view';
import { InvoiceView } from '../../components/invoice-view';

/** The invoice as its view shows it; the XML itself only when main could not read it back. */
export function InvoicePreviewBody({ view, xml }: { view: InvoiceViewData | null; xml: string }) {
  const { t } = useTranslation();
  if (view) return <InvoiceView data={view} />;
  return (
    <>
      <Alert severity="info" sx={{ mb: 1 }}>
        {t('issue.preview.viewUnavailable')}
      </Alert>
      <Box component="pre" data-testid="preview-xml" sx={{ fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all', bgcolor: 'grey.50', p: 1.5, borderRadius: 1, maxHeight: 480, overflow: 'auto' }}>
        {xml}
      </Box>
    </>
  );
}
