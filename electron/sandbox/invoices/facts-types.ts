/** What KSeF needs to know about an accepted FA(3) invoice (mirrors the spec's `InvoiceMetadata` vocabulary). */

/** `RodzajFaktury` values of FA(3). */
export type Fa3InvoiceKind = 'VAT' | 'ZAL' | 'KOR' | 'ROZ' | 'UPR' | 'KOR_ZAL' | 'KOR_ROZ';
/** Spec `InvoiceType` values that FA(3) can produce. */
export type Fa3InvoiceType = 'Vat' | 'Zal' | 'Kor' | 'Roz' | 'Upr' | 'KorZal' | 'KorRoz';

export const INVOICE_TYPE_BY_KIND: Readonly<Record<Fa3InvoiceKind, Fa3InvoiceType>> = {
  VAT: 'Vat',
  ZAL: 'Zal',
  KOR: 'Kor',
  ROZ: 'Roz',
  UPR: 'Upr',
  KOR_ZAL: 'KorZal',
  KOR_ROZ: 'KorRoz',
};

export type BuyerIdentifierType = 'Nip' | 'VatUe' | 'Other' | 'None';
export type ThirdSubjectIdentifierType = 'Nip' | 'InternalId' | 'VatUe' | 'Other' | 'None';

export interface PartyIdentifier<TType extends string> {
  type: TType;
  /** Absent for `None`. VatUe = country code + number (e.g. `DE123456789`). */
  value?: string;
}

export interface ThirdSubjectFacts {
  identifier: PartyIdentifier<ThirdSubjectIdentifierType>;
  name?: string;
  /** 1–11 per `TRolaPodmiotu3`; 0 for `RolaInna` ("other role"). */
  role: number;
}

export interface AuthorizedSubjectFacts {
  nip: string;
  name?: string;
  /** 1 enforcement authority, 2 bailiff, 3 tax representative. */
  role: number;
}

export interface CorrectedInvoiceReference {
  issueDate: string;
  invoiceNumber: string;
  ksefNumber?: string;
}

export interface InvoiceFacts {
  formCode: { systemCode: 'FA (3)'; schemaVersion: '1-0E'; value: 'FA' };
  seller: { nip: string; name?: string };
  buyer: { identifier: PartyIdentifier<BuyerIdentifierType>; name?: string };
  thirdSubjects: ThirdSubjectFacts[];
  authorizedSubject?: AuthorizedSubjectFacts;
  /** `P_1`, `YYYY-MM-DD`. */
  issueDate: string;
  /** `P_2`. */
  invoiceNumber: string;
  kind: Fa3InvoiceKind;
  invoiceType: Fa3InvoiceType;
  /** `KodWaluty`, ISO 4217. */
  currency: string;
  /** Exact decimal strings with 2 fraction digits. Net and gross in `currency`; VAT in PLN (spec: "wyrażona w PLN"). */
  netAmount: string;
  vatAmount: string;
  grossAmount: string;
  hasAttachment: boolean;
  /** `Adnotacje/P_17 = 1` ("samofakturowanie"). */
  isSelfInvoicing: boolean;
  /** `DaneFaKorygowanej` entries of correcting invoices. */
  correctedInvoices: CorrectedInvoiceReference[];
}
