/**
 * `writeInvoiceXml`: the FA(3) XML of an invoice model, built as a string in XSD order (no DOM: the send
 * path needs thousands of invoices per second). UTF-8 text without a BOM, default FA(3) namespace.
 * Valid by construction for any model accepted by `invoiceSchema`; preserved elements are written back
 * at their schema positions.
 */
import {
  FA3_NAMESPACE,
  FA3_SCHEMA_VERSION,
  FA3_SYSTEM_CODE,
} from '../../../../shared/domain/invoice/codes';
import type { Footer, Invoice, InvoiceHeader } from '../../../../shared/domain/invoice/model';
import { faXml } from './write-fa';
import { buyerXml, sellerXml, thirdPartyXml } from './write-parties';
import { OrderedContent, leaf, optionalLeaf } from './xml-text';

export interface WriteOptions {
  /** DataWytworzeniaFa when the model has none (default: now). */
  now?: () => Date;
}

function headerXml(header: InvoiceHeader | undefined, now: () => Date): string {
  const createdAt = header?.createdAt ?? now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<Naglowek><KodFormularza kodSystemowy="${FA3_SYSTEM_CODE}" wersjaSchemy="${FA3_SCHEMA_VERSION}">FA</KodFormularza><WariantFormularza>3</WariantFormularza>${leaf(
    'DataWytworzeniaFa',
    createdAt,
  )}${optionalLeaf('SystemInfo', header?.systemInfo)}</Naglowek>`;
}

function footerXml(footer: Footer | undefined): string {
  if (!footer) return '';
  const content = new OrderedContent('Stopka', footer.extra);
  for (const info of footer.information ?? []) {
    content.add('Informacje', `<Informacje>${optionalLeaf('StopkaFaktury', info.text)}</Informacje>`);
  }
  for (const register of footer.registers ?? []) {
    content.add(
      'Rejestry',
      `<Rejestry>${optionalLeaf('PelnaNazwa', register.fullName)}${optionalLeaf('KRS', register.krs)}${optionalLeaf(
        'REGON',
        register.regon,
      )}${optionalLeaf('BDO', register.bdo)}</Rejestry>`,
    );
  }
  return `<Stopka>${content.finish()}</Stopka>`;
}

export function writeInvoiceXml(invoice: Invoice, options: WriteOptions = {}): string {
  const now = options.now ?? (() => new Date());
  const content = new OrderedContent('Faktura', invoice.documentExtra)
    .add('Naglowek', headerXml(invoice.header, now))
    .add('Podmiot1', sellerXml(invoice.seller))
    .add('Podmiot2', buyerXml(invoice.buyer))
    .add('Podmiot3', invoice.thirdParties.map(thirdPartyXml).join(''))
    .add('Fa', faXml(invoice))
    .add('Stopka', footerXml(invoice.footer))
    .finish();
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Faktura xmlns="${FA3_NAMESPACE}">${content}</Faktura>\n`;
}

/** The XML as UTF-8 bytes (what KSeF receives and the outbox stores). */
export function writeInvoiceXmlBytes(invoice: Invoice, options: WriteOptions = {}): Buffer {
  return Buffer.from(writeInvoiceXml(invoice, options), 'utf8');
}
