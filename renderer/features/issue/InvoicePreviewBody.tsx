import { Alert, Box } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** The invoice view when main could build it; until then the XML itself. */
export function InvoicePreviewBody({ view, xml }: { view: unknown; xml: string }) {
  const { t } = useTranslation();
  void view;
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
