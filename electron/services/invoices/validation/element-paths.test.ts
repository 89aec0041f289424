import { describe, expect, it } from 'vitest';
import { elementAtLine, outlineDocument } from './element-paths';
import { polishParserMessage, polishSchemaMessage } from './messages-pl';

describe('outlineDocument', () => {
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<fa:Faktura xmlns:fa="urn:x"',
    '  a="1>2">',
    '  <!-- <Fake> -->',
    '  <fa:Fa><fa:P_2>A</fa:P_2><fa:Empty/>',
    '    <![CDATA[<NotAnElement>]]><?pi data?>',
    '    <fa:P_2>B</fa:P_2>',
    '  </fa:Fa>',
    '</fa:Faktura>',
  ].join('\n');
  const outline = outlineDocument(xml);

  it('tracks paths without prefixes, skipping comments and CDATA, across multi-line start tags', () => {
    expect(outline.elements.map((e) => `${e.path}@${e.firstLine}-${e.lastLine}`)).toEqual([
      '/Faktura@2-3',
      '/Faktura/Fa@5-5',
      '/Faktura/Fa/P_2@5-5',
      '/Faktura/Fa/Empty@5-5',
      '/Faktura/Fa/P_2@7-7',
    ]);
    expect(outline.processingInstructions).toEqual([{ target: 'pi', line: 6 }]);
  });

  it('maps a libxml2 line (end of the start tag) and name back to the element', () => {
    expect(elementAtLine(outline, 3, 'Faktura')?.path).toBe('/Faktura');
    expect(elementAtLine(outline, 7, 'P_2')?.firstLine).toBe(7);
    expect(elementAtLine(outline, 6)?.path).toBe('/Faktura/Fa/Empty');
  });
});

describe('Polish messages', () => {
  it('fall back to a generic sentence naming the element', () => {
    expect(polishSchemaMessage('Something new in libxml2.', 'P_2')).toBe('Element P_2 nie spełnia wymagań schematu FA(3).');
    expect(polishParserMessage('Premature end of data in tag Fa line 3')).toBe('Błąd składni XML: Dokument urywa się w elemencie Fa.');
  });
});
