import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceViewData } from '../../../shared/domain/invoice/view';
import { domesticInvoice, foreignCorrection } from '../../../shared/domain/invoice-document/testing/sample-invoices';
import { initI18n } from '../../i18n';
import { InvoiceView } from './InvoiceView';

const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
const render = (data: InvoiceViewData) => renderToStaticMarkup(createElement(InvoiceView, { data }));

describe('<InvoiceView>', () => {
  beforeAll(() => {
    initI18n('pl');
  });

  it('shows the sections in the PDF order with Polish words, parties, lines, totals and the QR code', () => {
    const data: InvoiceViewData = {
      invoice: domesticInvoice(),
      ksefNumber: '5265877635-20260203-0100004014E0-40',
      qrCodes: [{ kind: 'KOD_I', url: 'https://qr.ksef.mf.gov.pl/invoice/5265877635/03-02-2026/abc', label: '5265877635-20260203-0100004014E0-40', imageDataUrl: PIXEL }],
    };
    const html = render(data);
    const sections = [...html.matchAll(/data-testid="invoice-section-([a-zA-Z]+)"/g)].map((match) => match[1]);
    expect(sections).toEqual(['parties', 'lines', 'vatSummary', 'annotations', 'additional', 'payment', 'footer', 'qr']);
    const visible = text(html);
    for (const expected of ['Faktura VAT', 'nr FV/7/02/2026', 'Sprzedawca', 'Nabywca', 'Gęślą Jaźń sp. z o.o.', 'Podmiot trzeci · Faktor', 'Pręt stalowy ø12', 'Kwota należności ogółem: 786,87 PLN', 'Mechanizm podzielonej płatności', 'PL61 1090 1014 0000 0712 1981 2874', 'Sprawdź, czy Twoja faktura znajduje się w KSeF!']) {
      expect(visible).toContain(expected);
    }
    expect(html).toContain(`src="${PIXEL}"`);
  });

  it('shows a correction first and VAT in PLN for another currency', () => {
    const visible = text(render({ invoice: foreignCorrection(), ksefNumber: null, qrCodes: [] }));
    expect(visible.indexOf('Dane faktury korygowanej')).toBeLessThan(visible.indexOf('Sprzedawca'));
    for (const expected of ['Faktura korygująca', '5265877635-20260228-0100001AB2C3-4D', 'przed korektą', 'Kwota VAT w PLN', '-197,80']) {
      expect(visible).toContain(expected);
    }
    expect(visible).not.toContain('Sprawdź, czy Twoja faktura');
  });
});
