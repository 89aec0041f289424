import { describe, expect, it } from 'vitest';
import { generateReceivedInvoices } from './seed';
import { INVOICE_TEMPLATES, canValidateXsd, filledTemplate, packDir } from './test-fixtures';
import { createFa3SchemaValidator, processInvoice, processInvoices } from './validate';
import { resolveInvoicingMode } from './process';

const receivedAt = new Date('2026-02-02T10:00:00Z');
const [generated] = generateReceivedInvoices('5265877635', 1, 3, { from: '2026-02-02', to: '2026-02-02' });
const sample = generated?.xml.toString('utf8') ?? '';

describe('processInvoice without a schema validator (structural checks only)', () => {
  it('accepts a valid invoice and reports hash, size and mode', async () => {
    const result = await processInvoice(Buffer.from(sample), { receivedAt });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.invoicingMode).toBe('Online');
    expect(result.invoiceSize).toBe(Buffer.byteLength(sample));
    expect(result.invoiceHash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(result.facts.seller.nip).toBe(generated?.expected.sellerNip);
  });

  it('rejects an issue date after the acceptance day (450)', async () => {
    const future = sample.replace(/<P_1>[^<]*<\/P_1>/, '<P_1>2026-02-03</P_1>');
    const result = await processInvoice(Buffer.from(future), { receivedAt });
    expect(result).toMatchObject({ ok: false, code: 450, description: 'Błąd weryfikacji semantyki dokumentu faktury' });
  });

  it('switches to Offline when P_1 is an earlier Warsaw day, or when declared', async () => {
    const earlier = sample.replace(/<P_1>[^<]*<\/P_1>/, '<P_1>2026-02-01</P_1>');
    expect(await processInvoice(Buffer.from(earlier), { receivedAt })).toMatchObject({ ok: true, invoicingMode: 'Offline' });
    expect(await processInvoice(Buffer.from(sample), { receivedAt, offlineMode: true })).toMatchObject({ invoicingMode: 'Offline' });
    // 23:30 UTC on 1 Feb is already 2 Feb in Warsaw: same day, so Online (and not "in the future").
    expect(resolveInvoicingMode('2026-02-02', new Date('2026-02-01T23:30:00Z'), false)).toBe('Online');
    expect(resolveInvoicingMode('2026-07-01', new Date('2026-06-30T22:30:00Z'), false)).toBe('Online');
    expect(resolveInvoicingMode('2026-06-30', new Date('2026-06-30T22:30:00Z'), false)).toBe('Offline');
  });

  it('rejects attachments where they are not allowed (415)', async () => {
    const withAttachment = Buffer.from(sample.replace('</Faktura>', '<Zalacznik/></Faktura>'));
    expect(await processInvoice(withAttachment, { receivedAt, attachmentsAllowed: false })).toMatchObject({ ok: false, code: 415 });
    expect(await processInvoice(withAttachment, { receivedAt })).toMatchObject({ ok: true });
  });
});

describe.skipIf(!canValidateXsd)('processInvoice with the official FA(3) XSD (needs the KSeF pack for its invoice templates)', () => {
  const validator = createFa3SchemaValidator(packDir);

  it.each(INVOICE_TEMPLATES)('accepts the official template %s', async (template) => {
    const xml = Buffer.from(filledTemplate(packDir ?? '', template), 'utf8');
    const result = await processInvoice(xml, { receivedAt, schemaValidator: validator });
    if (!result.ok) throw new Error(`${template}: ${result.details.join('; ')}`);
    expect(result.facts.seller.nip).toBe('5265877635');
    expect(result.facts.hasAttachment).toBe(template.includes('attachment'));
    expect(result.facts.isSelfInvoicing).toBe(template.includes('self_invoicing'));
  });

  it('reads the facts of the basic C# template exactly', async () => {
    const xml = Buffer.from(filledTemplate(packDir ?? '', 'ksef-client-csharp/invoice-template-fa-3.xml'), 'utf8');
    const result = await processInvoice(xml, { receivedAt, schemaValidator: validator });
    expect(result).toMatchObject({
      ok: true,
      invoicingMode: 'Offline',
      facts: {
        seller: { nip: '5265877635', name: 'Elektrownia S.A.' },
        buyer: { identifier: { type: 'Nip', value: '1111111111' }, name: 'F.H.U. Jan Kowalski' },
        issueDate: '2025-09-01',
        invoiceNumber: 'FA/GRQMB-123/05/2025',
        invoiceType: 'Vat',
        currency: 'PLN',
        netAmount: '43.60',
        vatAmount: '10.03',
        grossAmount: '53.63',
      },
    });
  });

  it('reports Podmiot3 of the Subject3 template with its role', async () => {
    const xml = Buffer.from(filledTemplate(packDir ?? '', 'ksef-client-csharp/invoice-template-fa-3-with-custom-Subject3.xml'), 'utf8');
    const result = await processInvoice(xml, { receivedAt, schemaValidator: validator });
    expect(result.ok && result.facts.thirdSubjects[0]).toMatchObject({ identifier: { type: 'Nip', value: '7352765225' } });
  });

  it('rejects mutated invoices with the right codes', async () => {
    const base = filledTemplate(packDir ?? '', 'ksef-client-csharp/invoice-template-fa-3.xml');
    const cases: Array<[string, Buffer, number, RegExp]> = [
      ['BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(base)]), 430, /BOM/],
      ['encoding', Buffer.from(base.replace('encoding="UTF-8"', 'encoding="windows-1250"')), 430, /windows-1250/],
      ['PI', Buffer.from(base.replace('<Naglowek>', '<?foo bar?><Naglowek>')), 430, /Processing instructions/],
      ['missing P_2', Buffer.from(base.replace(/<P_2>[^<]*<\/P_2>/, '')), 430, /OkresFa.*Expected is \( P_2 \)/],
      ['namespace', Buffer.from(base.replace('xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/"', 'xmlns="urn:other"')), 430, /Faktura/],
      ['XSD type', Buffer.from(base.replace('<P_15>53.63</P_15>', '<P_15>53.634</P_15>')), 430, /P_15/],
      ['size', Buffer.from(base.replace('</Faktura>', `<!--${'x'.repeat(1_000_000)}--></Faktura>`)), 430, /1000000/],
      ['future P_1', Buffer.from(base.replace('<P_1>2025-09-01</P_1>', '<P_1>2026-02-03</P_1>')), 450, /P_1/],
    ];
    for (const [name, xml, code, detail] of cases) {
      const result = await processInvoice(xml, { receivedAt, schemaValidator: validator });
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      expect(result.code, name).toBe(code);
      expect(result.details.join(' '), name).toMatch(detail);
    }
  });

  it('validates a batch in few xmllint runs and maps errors back to each invoice', async () => {
    const base = filledTemplate(packDir ?? '', 'ksef-client-csharp/invoice-template-fa-3.xml');
    const xmls = Array.from({ length: 60 }, (_, index) => {
      const numbered = base.replace('FA/GRQMB-123/05/2025', `FA/${index}`);
      if (index % 10 === 3) return Buffer.from(numbered.replace('<P_13_1>43.60</P_13_1>', '<P_13_1>x</P_13_1>'));
      if (index % 10 === 7) return Buffer.from(numbered.replace('</Fa>', '</Fb>'));
      return Buffer.from(numbered);
    });
    const batchValidator = createFa3SchemaValidator();
    const results = await processInvoices(xmls, { receivedAt, schemaValidator: batchValidator });
    results.forEach((result, index) => {
      if (index % 10 === 3) expect(result, `#${index}`).toMatchObject({ ok: false, code: 430, details: [expect.stringMatching(/P_13_1/)] });
      else if (index % 10 === 7) expect(result, `#${index}`).toMatchObject({ ok: false, code: 430, details: [expect.stringMatching(/well-formed/)] });
      else expect(result.ok && result.facts.invoiceNumber, `#${index}`).toBe(`FA/${index}`);
    });
    // Concurrent single calls are coalesced and still get their own verdicts.
    const verdicts = await Promise.all(xmls.slice(0, 10).map((xml) => batchValidator.validate(xml)));
    expect(verdicts.map((verdict) => verdict.ok)).toEqual(xmls.slice(0, 10).map((_, index) => index !== 3 && index !== 7));
  });
});
