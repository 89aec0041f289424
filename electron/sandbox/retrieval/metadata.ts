/** `InvoiceMetadata` exactly as the spec shapes it; amounts become JSON numbers only here, at serialisation. */
import type { StoredInvoice } from '../invoices/archive';
import { formatKsefDateTime } from '../server/clock';

export interface InvoiceMetadataJson {
  ksefNumber: string;
  invoiceNumber: string;
  issueDate: string;
  invoicingDate: string;
  acquisitionDate: string;
  permanentStorageDate: string;
  seller: { nip: string; name?: string };
  buyer: { identifier: { type: string; value?: string }; name?: string };
  netAmount: number;
  grossAmount: number;
  vatAmount: number;
  currency: string;
  invoicingMode: 'Online' | 'Offline';
  invoiceType: string;
  formCode: { systemCode: string; schemaVersion: string; value: string };
  isSelfInvoicing: boolean;
  hasAttachment: boolean;
  invoiceHash: string;
  hashOfCorrectedInvoice?: string;
  thirdSubjects: { identifier: { type: string; value?: string }; name?: string; role: number }[];
  authorizedSubject?: { nip: string; name?: string; role: number };
}

function isoDateTime(iso: string): string {
  return formatKsefDateTime(new Date(iso));
}

export function toInvoiceMetadata(invoice: StoredInvoice): InvoiceMetadataJson {
  const facts = invoice.facts;
  return {
    ksefNumber: invoice.ksefNumber,
    invoiceNumber: facts.invoiceNumber,
    issueDate: facts.issueDate,
    invoicingDate: isoDateTime(invoice.invoicingDate),
    acquisitionDate: isoDateTime(invoice.acquisitionDate),
    permanentStorageDate: isoDateTime(invoice.permanentStorageDate),
    seller: { nip: facts.seller.nip, ...(facts.seller.name ? { name: facts.seller.name } : {}) },
    buyer: {
      identifier: { type: facts.buyer.identifier.type, ...(facts.buyer.identifier.value ? { value: facts.buyer.identifier.value } : {}) },
      ...(facts.buyer.name ? { name: facts.buyer.name } : {}),
    },
    // Amounts are exact 2-decimal strings; Number() of such text prints back the same digits in JSON.
    netAmount: Number(facts.netAmount),
    grossAmount: Number(facts.grossAmount),
    vatAmount: Number(facts.vatAmount),
    currency: facts.currency,
    invoicingMode: invoice.invoicingMode,
    invoiceType: facts.invoiceType,
    formCode: { systemCode: facts.formCode.systemCode, schemaVersion: facts.formCode.schemaVersion, value: facts.formCode.value },
    isSelfInvoicing: facts.isSelfInvoicing,
    hasAttachment: facts.hasAttachment,
    invoiceHash: invoice.invoiceHash,
    ...(invoice.hashOfCorrectedInvoice ? { hashOfCorrectedInvoice: invoice.hashOfCorrectedInvoice } : {}),
    thirdSubjects: facts.thirdSubjects.map((subject) => ({
      identifier: { type: subject.identifier.type, ...(subject.identifier.value ? { value: subject.identifier.value } : {}) },
      ...(subject.name ? { name: subject.name } : {}),
      role: subject.role,
    })),
    ...(facts.authorizedSubject
      ? {
          authorizedSubject: {
            nip: facts.authorizedSubject.nip,
            ...(facts.authorizedSubject.name ? { name: facts.authorizedSubject.name } : {}),
            role: facts.authorizedSubject.role,
          },
        }
      : {}),
  };
}
