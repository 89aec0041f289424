import { describe, expect, it } from 'vitest';
import { formToInvoice } from '../../../shared/domain/issuing/form-to-invoice';
import { emptyIssueForm, type SellerProfile } from '../../../shared/ipc/channels/issue';
import { fieldOfElementPath } from './problem-fields';
import { issuingDocuments } from './wiring';

const seller: SellerProfile = {
  nip: '5265877635',
  name: 'Kowalski Usługi',
  address: { line1: 'ul. Prosta 1', line2: '00-001 Warszawa', countryCode: 'PL' },
  email: '',
  phone: '',
  bankAccounts: [],
  krs: '',
  regon: '',
  bdo: '',
  defaultPaymentDays: 14,
  defaultPaymentMethod: '6',
  defaultPlaceOfIssue: '',
};

describe('issuing documents (writer + in-app XSD check + view)', () => {
  const documents = issuingDocuments(() => 'sandbox');
  const base = emptyIssueForm();
  const invoice = formToInvoice(
    {
      ...base,
      issueDate: '2026-03-09',
      buyer: { ...base.buyer, identifier: '7171642051', name: 'Nowak Handel', address: { line1: 'ul. Długa 5', line2: '', countryCode: 'PL' } },
      lines: [{ productId: null, name: 'Usługa', quantity: '2', unit: 'h', unitPrice: '150', rate: '23', discount: '', pkwiu: '', gtu: '', annex15: false }],
    },
    seller,
    { number: 'FV/1/03/2026' },
  );

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
