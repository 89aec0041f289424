/** The blocks of an invoice document (fields, parties, tables, paragraphs, QR codes) as MUI. */
import { Box, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { DocBlock, DocField, DocParty, DocText, InvoiceDocumentLabel } from '../../../shared/domain/invoice-document';
import type { InvoiceQrCode } from '../../../shared/domain/invoice/view';

export type Words = {
  word: (key: InvoiceDocumentLabel) => string;
  say: (parts: readonly DocText[]) => string;
  qrAlt: (label: string) => string;
};

export function Fields({ fields, words, labelWidth = 150 }: { fields: DocField[]; words: Words; labelWidth?: number }) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: `minmax(90px, ${labelWidth}px) 1fr`, columnGap: 1.5, rowGap: 0.25, m: 0 }}>
      {fields.map((field, index) => (
        <Box key={index} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="caption" color="text.secondary" sx={{ pt: '2px' }}>
            {words.word(field.label)}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {words.say(field.value)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

function PartyCard({ party, words }: { party: DocParty; words: Words }) {
  const subtitle = party.subtitle ? ` · ${words.say(party.subtitle)}` : '';
  return (
    <Box data-testid={`party-${party.title}`}>
      <Typography variant="subtitle2" color="primary" sx={{ borderBottom: 1, borderColor: 'primary.main', mb: 0.75 }}>
        {words.word(party.title)}
        {subtitle}
      </Typography>
      <Fields fields={party.fields} words={words} labelWidth={110} />
    </Box>
  );
}

function DocTable({ block, words }: { block: Extract<DocBlock, { type: 'table' }>; words: Words }) {
  return (
    <Box sx={{ overflowX: 'auto', mb: 1 }}>
      {block.caption && (
        <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
          {words.say(block.caption)}
        </Typography>
      )}
      <Table size="small">
        <TableHead>
          <TableRow>
            {block.columns.map((column, index) => (
              <TableCell key={index} align={column.align} sx={{ fontWeight: 600, color: 'primary.main', whiteSpace: 'nowrap', bgcolor: 'action.hover' }}>
                {column.heading ?? words.word(column.label)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {block.rows.map((row, rowIndex) => (
            <TableRow key={rowIndex} sx={row.tone === 'before' ? { bgcolor: 'action.hover' } : undefined}>
              {row.cells.map((cell, cellIndex) => {
                const column = block.columns[cellIndex];
                return (
                  <TableCell
                    key={cellIndex}
                    align={column?.align ?? 'left'}
                    sx={{
                      fontWeight: row.tone === 'total' ? 600 : undefined,
                      fontStyle: row.tone === 'before' ? 'italic' : undefined,
                      color: row.tone === 'before' ? 'text.secondary' : undefined,
                      whiteSpace: column?.width === '*' ? 'normal' : 'nowrap',
                    }}
                  >
                    {words.say(cell)}
                    {row.note && column?.width === '*' && (
                      <Typography variant="caption" color="text.secondary" component="div">
                        {words.say(row.note)}
                      </Typography>
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function QrCodes({ codes, words }: { codes: InvoiceQrCode[]; words: Words }) {
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
      {codes.map((code) => (
        <Box key={code.kind} sx={{ maxWidth: 260 }} data-testid={`qr-${code.kind}`}>
          <Typography variant="caption" sx={{ fontWeight: 600 }} component="div">
            {words.word(code.kind === 'KOD_I' ? 'qrKod1' : 'qrKod2')}
          </Typography>
          {/* White behind the symbol keeps the quiet zone in a dark theme. */}
          <Box component="img" src={code.imageDataUrl} alt={words.qrAlt(code.label)} sx={{ width: 160, height: 160, bgcolor: '#fff', p: 0.5, display: 'block' }} />
          <Typography variant="caption" sx={{ fontWeight: 600, display: 'block' }}>
            {code.label}
          </Typography>
          <Link href={code.url} target="_blank" rel="noopener noreferrer" variant="caption" sx={{ overflowWrap: 'anywhere' }}>
            {code.url}
          </Link>
        </Box>
      ))}
    </Box>
  );
}

export function Block({ block, words }: { block: DocBlock; words: Words }) {
  switch (block.type) {
    case 'fields':
      return <Fields fields={block.fields} words={words} />;
    case 'parties':
      return (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
          {block.parties.map((party, index) => (
            <PartyCard key={index} party={party} words={words} />
          ))}
        </Box>
      );
    case 'table':
      return <DocTable block={block} words={words} />;
    case 'paragraph':
      return (
        <Typography variant="body2" sx={{ fontWeight: block.emphasis ? 600 : undefined, whiteSpace: 'pre-line' }}>
          {words.say(block.text)}
        </Typography>
      );
    case 'qr':
      return <QrCodes codes={block.codes} words={words} />;
  }
}
