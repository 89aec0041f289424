import { describe, expect, it } from 'vitest';
import { isTechnicalRejection } from '../../../../shared/ipc/channels/offline';
import { contentDifferences } from './correction-content';

const invoice = (overrides: { number?: string; total?: string; extra?: string; lines?: number } = {}) => `<?xml version="1.0" encoding="UTF-8"?>
<Faktura xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/">
  <Podmiot1><DaneIdentyfikacyjne><NIP>1111111111</NIP><Nazwa>Sprzedawca</Nazwa></DaneIdentyfikacyjne></Podmiot1>
  <Podmiot2><DaneIdentyfikacyjne><NIP>5265877635</NIP></DaneIdentyfikacyjne></Podmiot2>
  <Fa><KodWaluty>PLN</KodWaluty><P_1>2026-03-05</P_1><P_2>${overrides.number ?? 'FV/1/2026'}</P_2>
  <P_13_1>100.00</P_13_1><P_14_1>23.00</P_14_1><P_15>${overrides.total ?? '123.00'}</P_15>${overrides.extra ?? ''}
  <RodzajFaktury>VAT</RodzajFaktury>${'<FaWiersz><NrWierszaFa>1</NrWierszaFa></FaWiersz>'.repeat(overrides.lines ?? 1)}</Fa>
</Faktura>`;

describe('technical correction content check', () => {
  it('finds no difference when only technical aspects changed (formatting, an element fixed)', () => {
    const fixed = invoice({ total: '123.0', extra: '<Adnotacje><P_16>2</P_16></Adnotacje>' }).replace(/\n\s*/g, '');
    expect(contentDifferences(invoice(), fixed)).toEqual([]);
  });

  it('reports a changed number, total or line count', () => {
    expect(contentDifferences(invoice(), invoice({ number: 'FV/2/2026', total: '246.00', lines: 2 }))).toEqual([
      { field: 'P_2', before: 'FV/1/2026', after: 'FV/2/2026' },
      { field: 'P_15', before: '123', after: '246' },
      { field: 'FaWiersz (liczba)', before: '1', after: '2' },
    ]);
  });

  it('reads even a rejected file that is not well-formed', () => {
    const broken = invoice().replace('</Podmiot2>', '');
    expect(contentDifferences(broken, invoice())).toEqual([]);
  });

  it('treats file and validation faults as technical, permission faults not', () => {
    expect(isTechnicalRejection(430)).toBe(true);
    expect(isTechnicalRejection(440)).toBe(true);
    expect(isTechnicalRejection(410)).toBe(false);
    expect(isTechnicalRejection(200)).toBe(false);
  });
});
