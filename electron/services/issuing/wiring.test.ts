import { describe, expect, it } from 'vitest';
import { formToInvoice } from '../../../shared/domain/issuing/form-to-invoice';
import { testBuyer, testForm, testSeller } from '../../../shared/domain/issuing/testing/form-fixtures';
import { fieldOfElementPath } from './problem-fields';
import { issuingDocuments } from './wiring';

describe('issuing documents (writer + in-app XSD check + view)', () => {
  const documents = issuingDocuments(() => 'sandbox');
  const invoice = formToInvoice(testForm({ buyer: testBuyer({ name: 'Nowak Handel', address: { line1: 'ul. Długa 5', line2: '', countryCode: 'PL' } }) }), testSeller(), {
    number: 'FV/1/03/2026',
  });

  it('passes the invoice the form builds and names the field of a schema error, in Polish', async () => {
    const xml = documents.writeXml!(invoice);
    expect(await documents.validate!(xml)).toEqual({ valid: true, errors: [] });

    const broken = xml.replace(/<P_8B>2<\/P_8B>/, '<P_8B>dwa</P_8B>');
    const report = await documents.validate!(broken);
    expect(report.valid).toBe(false);
    const error = report.errors[0]!;
    expect(fieldOfElementPath(error.path, 0)).toBe('lines.0.quantity');
    expect(error.messagePl.length).toBeGreaterThan(0);
  });

  it('builds the view data of the preview from the XML', async () => {
    const view = await documents.view!(documents.writeXml!(invoice));
    expect(view).toMatchObject({ invoice: { number: 'FV/1/03/2026', buyer: { name: 'Nowak Handel' } }, ksefNumber: null });
  });
});
