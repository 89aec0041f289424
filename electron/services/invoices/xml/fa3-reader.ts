/**
 * `readInvoiceXml`: any FA(3) document (default or prefixed namespace, with or without a UTF-8 BOM) into
 * the model. Nothing is dropped: elements the model does not type stay as preserved nodes in `extra`
 * and the writer puts them back. Anything else gets a code (the renderer words it in Polish and English).
 */
import { FA3_NAMESPACE, FA3_SYSTEM_CODE, INVOICE_KINDS } from '../../../../shared/domain/invoice/codes';
import type { Footer, Invoice, InvoiceHeader } from '../../../../shared/domain/invoice/model';
import type { InvoiceReadErrorCode } from '../../../../shared/domain/invoice/read-errors';
import { readAnnotations, readCorrection, readLine, readPayment, readSettlement, readSummary } from './read-fa';
import { readOrder } from './read-order';
import { readBuyer, readSeller, readThirdParty } from './read-parties';
import { Children, Fa3ContentError, assignDefined, leafText, oneOf } from './read-support';
import { XmlSyntaxError, lineAt, parseXml, type XmlElement } from './xml-parser';

export { INVOICE_READ_ERROR_CODES } from '../../../../shared/domain/invoice/read-errors';
export type { InvoiceReadErrorCode };

export type ReadInvoiceResult =
  | { ok: true; invoice: Invoice }
  | { ok: false; code: InvoiceReadErrorCode; message: string; line?: number; path?: string };

const KNOWN_DOCUMENTS: Readonly<Record<string, string>> = {
  'http://crd.gov.pl/wzor/2023/06/29/12648/': 'an FA(2) invoice',
  'http://crd.gov.pl/wzor/2021/11/29/11089/': 'an FA(1) invoice',
  'http://upo.schematy.mf.gov.pl/KSeF/v4-3': 'a KSeF UPO (official receipt)',
  'http://upo.schematy.mf.gov.pl/KSeF/v4-2': 'a KSeF UPO (official receipt)',
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(input: Buffer | Uint8Array | string): string {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
    throw new XmlSyntaxError('UTF-16 documents are not supported (FA(3) is UTF-8)', 1, 'UNSUPPORTED_XML');
  }
  try {
    return utf8.decode(input); // drops a UTF-8 BOM
  } catch {
    throw new XmlSyntaxError('The file is not valid UTF-8 text', 1);
  }
}

function describeRoot(root: XmlElement): string {
  const known = KNOWN_DOCUMENTS[root.ns];
  if (known) return `This is ${known}, not an FA(3) invoice`;
  return `The root element <${root.name}>${root.ns ? ` (namespace ${root.ns})` : ''} is not an FA(3) invoice`;
}

function readHeader(element: XmlElement): InvoiceHeader {
  const path = '/Faktura/Naglowek';
  const children = new Children(element, path);
  const code = children.required('KodFormularza');
  if (code.attributes?.kodSystemowy !== FA3_SYSTEM_CODE) {
    throw new Fa3ContentError(`${path}/KodFormularza: kodSystemowy must be "${FA3_SYSTEM_CODE}"`, path, code.offset);
  }
  children.requiredText('WariantFormularza');
  const header: InvoiceHeader = { createdAt: children.requiredText('DataWytworzeniaFa') };
  assignDefined(header, 'systemInfo', children.text('SystemInfo'));
  children.done();
  return header;
}

function readFooter(element: XmlElement | undefined): Footer | undefined {
  if (!element) return undefined;
  const path = '/Faktura/Stopka';
  const children = new Children(element, path);
  const footer: Footer = {};
  const information = children.all('Informacje').map((info) => {
    const part = new Children(info, `${path}/Informacje`);
    const entry: { text?: string } = {};
    assignDefined(entry, 'text', part.text('StopkaFaktury'));
    part.done();
    return entry;
  });
  if (information.length > 0) footer.information = information;
  const registers = children.all('Rejestry').map((register) => {
    const part = new Children(register, `${path}/Rejestry`);
    const entry: NonNullable<Footer['registers']>[number] = {};
    assignDefined(entry, 'fullName', part.text('PelnaNazwa'));
    assignDefined(entry, 'krs', part.text('KRS'));
    assignDefined(entry, 'regon', part.text('REGON'));
    assignDefined(entry, 'bdo', part.text('BDO'));
    part.done();
    return entry;
  });
  if (registers.length > 0) footer.registers = registers;
  assignDefined(footer, 'extra', children.rest());
  return footer;
}

function readFa(element: XmlElement, invoice: Pick<Invoice, 'seller' | 'buyer' | 'thirdParties' | 'header'>): Invoice {
  const path = '/Faktura/Fa';
  const c = new Children(element, path);
  const currency = c.requiredText('KodWaluty');
  const issueDate = c.requiredText('P_1');
  const issuePlace = c.text('P_1M');
  const number = c.requiredText('P_2');
  const deliveryNotes = c.allText('WZ');
  const saleDate = c.text('P_6');
  const period = c.one('OkresFa');
  const summary = readSummary(c);
  const advanceExchangeRate = c.text('KursWalutyZ');
  const annotations = readAnnotations(c.required('Adnotacje'));
  const kindElement = c.required('RodzajFaktury');
  const kind = oneOf(INVOICE_KINDS, leafText(kindElement, `${path}/RodzajFaktury`), `${path}/RodzajFaktury`, kindElement.offset);
  const result: Invoice = {
    kind: kind ?? 'VAT',
    number,
    issueDate,
    currency,
    ...invoice,
    lines: [],
    summary,
    annotations,
  };
  assignDefined(result, 'issuePlace', issuePlace);
  if (deliveryNotes.length > 0) result.deliveryNotes = deliveryNotes;
  assignDefined(result, 'saleDate', saleDate);
  if (period) {
    const pc = new Children(period, `${path}/OkresFa`);
    result.salePeriod = { from: pc.requiredText('P_6_Od'), to: pc.requiredText('P_6_Do') };
    pc.done();
  }
  assignDefined(result, 'advanceExchangeRate', advanceExchangeRate);
  assignDefined(result, 'correction', readCorrection(c));
  const parts = c.all('ZaliczkaCzesciowa').map((part) => {
    const pc = new Children(part, `${path}/ZaliczkaCzesciowa`);
    const entry: NonNullable<Invoice['advanceParts']>[number] = { date: pc.requiredText('P_6Z'), gross: pc.requiredText('P_15Z') };
    assignDefined(entry, 'exchangeRate', pc.text('KursWalutyZW'));
    pc.done();
    return entry;
  });
  if (parts.length > 0) result.advanceParts = parts;
  assignDefined(result, 'receiptInvoice', c.marker('FP'));
  assignDefined(result, 'relatedParties', c.marker('TP'));
  const infos = c.all('DodatkowyOpis').map((info) => {
    const ic = new Children(info, `${path}/DodatkowyOpis`);
    const lineNumber = ic.text('NrWiersza');
    const entry: NonNullable<Invoice['additionalInfo']>[number] = { key: ic.requiredText('Klucz'), value: ic.requiredText('Wartosc') };
    if (lineNumber !== undefined) entry.lineNumber = Number(lineNumber);
    ic.done();
    return entry;
  });
  if (infos.length > 0) result.additionalInfo = infos;
  const advances = c.all('FakturaZaliczkowa').map((ref) => {
    const rc = new Children(ref, `${path}/FakturaZaliczkowa`);
    const ksefNumber = rc.text('NrKSeFFaZaliczkowej');
    if (ksefNumber === undefined) rc.requiredText('NrKSeFZN');
    const entry = ksefNumber !== undefined ? { ksefNumber } : { number: rc.requiredText('NrFaZaliczkowej') };
    rc.done();
    return entry;
  });
  if (advances.length > 0) result.advanceInvoices = advances;
  assignDefined(result, 'exciseRefund', c.marker('ZwrotAkcyzy'));
  result.lines = c.all('FaWiersz').map((line, index) => readLine(line, index + 1));
  assignDefined(result, 'settlement', readSettlement(c.one('Rozliczenie')));
  assignDefined(result, 'payment', readPayment(c.one('Platnosc')));
  assignDefined(result, 'order', readOrder(c.one('Zamowienie')));
  assignDefined(result, 'extra', c.rest());
  return result;
}

function readDocument(root: XmlElement): Invoice {
  const c = new Children(root, '/Faktura');
  const header = readHeader(c.required('Naglowek'));
  const seller = readSeller(c.required('Podmiot1'));
  const buyer = readBuyer(c.required('Podmiot2'));
  const thirdParties = c.all('Podmiot3').map((party, index) => readThirdParty(party, index + 1));
  const invoice = readFa(c.required('Fa'), { header, seller, buyer, thirdParties });
  assignDefined(invoice, 'footer', readFooter(c.one('Stopka')));
  assignDefined(invoice, 'documentExtra', c.rest());
  return invoice;
}

export function readInvoiceXml(input: Buffer | Uint8Array | string): ReadInvoiceResult {
  let text: string;
  let root: XmlElement;
  try {
    text = decode(input);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    if (text.trim() === '') return { ok: false, code: 'EMPTY_FILE', message: 'The file is empty' };
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return { ok: false, code: error.kind, message: error.message, line: error.line };
    throw error;
  }
  if (root.name !== 'Faktura' || root.ns !== FA3_NAMESPACE) return { ok: false, code: 'NOT_FA3', message: describeRoot(root) };
  try {
    return { ok: true, invoice: readDocument(root) };
  } catch (error) {
    if (error instanceof Fa3ContentError) {
      return { ok: false, code: 'INVALID_FA3', message: error.message, path: error.path, line: lineAt(text, error.offset) };
    }
    throw error;
  }
}
