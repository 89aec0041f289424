/** One row of an invoice list (outbox, sent, received) drawn from the model. */
import type { InvoiceKind } from './codes';
import type { Invoice, PartyIdentifier } from './model';
import { effectiveSummary } from './totals';

export interface InvoiceDescription {
  kind: InvoiceKind;
  number: string;
  issueDate: string;
  sellerNip: string;
  sellerName: string;
  buyerName: string;
  /** Display form: the NIP, `DE123456789` for an EU VAT number, the foreign ID, or '' for a consumer. */
  buyerIdentifier: string;
  grossTotal: string;
  currency: string;
}

export function formatPartyIdentifier(identifier: PartyIdentifier): string {
  switch (identifier.type) {
    case 'EU_VAT':
      return `${identifier.countryCode ?? ''}${identifier.value ?? ''}`;
    case 'FOREIGN':
      return identifier.countryCode ? `${identifier.countryCode} ${identifier.value ?? ''}` : (identifier.value ?? '');
    case 'NONE':
      return '';
    default:
      return identifier.value ?? '';
  }
}

export function describeInvoice(invoice: Invoice): InvoiceDescription {
  return {
    kind: invoice.kind,
    number: invoice.number,
    issueDate: invoice.issueDate,
    sellerNip: invoice.seller.nip,
    sellerName: invoice.seller.name,
    buyerName: invoice.buyer.name ?? '',
    buyerIdentifier: formatPartyIdentifier(invoice.buyer.identifier),
    grossTotal: effectiveSummary(invoice).gross,
    currency: invoice.currency,
  };
}
