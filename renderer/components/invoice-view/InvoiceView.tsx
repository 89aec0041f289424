/**
 * One readable rendering of any FA(3) invoice (issue preview, Sent, Received): the same sections, in the same
 * order and with the same words as the PDF, because both come from `invoiceDocument`.
 */
import { Box, Divider, Paper, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { invoiceDocument, resolveText, type DocText, type InvoiceDocumentLabel } from '../../../shared/domain/invoice-document';
import type { InvoiceViewData } from '../../../shared/domain/invoice/view';
import { Block, type Words } from './document-blocks';

export interface InvoiceViewProps {
  data: InvoiceViewData;
}

export function InvoiceView({ data }: InvoiceViewProps) {
  const { t } = useTranslation();
  const document = useMemo(() => invoiceDocument(data), [data]);
  const words: Words = useMemo(() => {
    const word = (key: InvoiceDocumentLabel) => t(`invoiceView.labels.${key}`);
    return { word, say: (parts: readonly DocText[]) => resolveText(parts, word), qrAlt: (label: string) => t('invoiceView.qrAlt', { label }) };
  }, [t]);
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 } }} data-testid="invoice-view">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 2 }}>
        <Box>
          <Typography variant="h5" component="h2" color="primary" sx={{ fontWeight: 600 }}>
            {words.word(document.title)}
          </Typography>
          <Typography variant="h6" component="div" data-testid="invoice-view-number">
            {words.word('numberPrefix')} {document.number}
          </Typography>
        </Box>
        <Box sx={{ textAlign: { md: 'right' } }}>
          {document.ksefNumber && (
            <>
              <Typography variant="caption" color="text.secondary" component="div">
                {words.word('ksefNumber')}
              </Typography>
              <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="invoice-view-ksef-number">
                {document.ksefNumber}
              </Typography>
            </>
          )}
          {document.headline.map((field) => (
            <Typography key={field.label} variant="body2">
              <Typography component="span" variant="caption" color="text.secondary">
                {words.word(field.label)}:{' '}
              </Typography>
              {words.say(field.value)}
            </Typography>
          ))}
        </Box>
      </Box>
      <Divider sx={{ my: 1.5, borderColor: 'primary.main', borderBottomWidth: 2 }} />
      {document.sections.map((section) => (
        <Box key={section.id} component="section" sx={{ mb: 2 }} data-testid={`invoice-section-${section.id}`}>
          {section.title && (
            <Typography variant="subtitle1" component="h3" color="primary" sx={{ fontWeight: 600, mb: 0.75 }}>
              {words.word(section.title)}
            </Typography>
          )}
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
            {section.blocks.map((block, index) => (
              <Block key={index} block={block} words={words} />
            ))}
          </Box>
          {section.id === 'vatSummary' && (
            <Typography variant="h6" sx={{ textAlign: 'right', mt: 1 }} data-testid="invoice-view-total">
              {words.word(document.totalDue.label)}: {document.totalDue.amount}
            </Typography>
          )}
        </Box>
      ))}
    </Paper>
  );
}
