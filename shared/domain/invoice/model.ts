/**
 * The FA(3) invoice as a plain JSON-serialisable object. Amounts, quantities, percentages and exchange
 * rates are decimal STRINGS ("1234.50"), dates "YYYY-MM-DD". Field comments name the FA(3) element.
 *
 * Optional fields mirror optional FA(3) elements: the reader fills exactly what the XML has and the writer
 * writes exactly what the model has, so XML → model → XML is lossless. Elements the model does not type
 * are kept as `XmlNode` trees in the `extra` list of their parent container and written back in schema order.
 */
import type { GtuCode, InvoiceKind, LineProcedure, SummaryBucket, TaxpayerStatus, ThirdPartyRole, VatRate } from './codes';
import type {
  AdditionalInfo,
  AdvanceInvoiceRef,
  AdvancePart,
  Annotations,
  Correction,
  Footer,
  InvoiceHeader,
  Order,
  Payment,
  Settlement,
} from './model-sections';

export type * from './model-sections';

/** An element kept verbatim (local name in the FA(3) namespace; attributes unqualified). */
export interface XmlNode {
  name: string;
  attributes?: Record<string, string>;
  /** Text content of a leaf element. */
  text?: string;
  children?: XmlNode[];
}

/** `TAdres`. */
export interface Address {
  countryCode: string; // KodKraju
  line1: string; // AdresL1
  line2?: string; // AdresL2
  gln?: string; // GLN
}

/** `DaneKontaktowe` (Email/Telefon, both optional). */
export interface Contact {
  email?: string;
  phone?: string;
}

/**
 * Identifier of a buyer (Podmiot2) or third party (Podmiot3):
 * NIP → `NIP`; EU_VAT → `KodUE` + `NrVatUE`; FOREIGN → optional `KodKraju` + `NrID`; NONE → `BrakID`
 * (consumer); INTERNAL → `IDWew` (Podmiot3 only).
 */
export interface PartyIdentifier {
  type: 'NIP' | 'EU_VAT' | 'FOREIGN' | 'NONE' | 'INTERNAL';
  value?: string;
  countryCode?: string;
}

/** Podmiot1 — the seller. */
export interface Seller {
  vatPrefix?: 'PL'; // PrefiksPodatnika
  eori?: string; // NrEORI
  nip: string; // DaneIdentyfikacyjne/NIP
  name: string; // DaneIdentyfikacyjne/Nazwa
  address: Address; // Adres
  correspondenceAddress?: Address; // AdresKoresp
  contacts?: Contact[]; // DaneKontaktowe (0..3)
  taxpayerStatus?: TaxpayerStatus; // StatusInfoPodatnika
  extra?: XmlNode[];
}

/** Podmiot2 — the buyer. */
export interface Buyer {
  eori?: string; // NrEORI
  identifier: PartyIdentifier; // DaneIdentyfikacyjne (choice)
  name?: string; // DaneIdentyfikacyjne/Nazwa
  address?: Address;
  correspondenceAddress?: Address;
  contacts?: Contact[];
  customerNumber?: string; // NrKlienta
  buyerId?: string; // IDNabywcy
  /** JST: the invoice concerns a subordinate unit of a local government (written 1, else 2). */
  localGovernmentUnit?: boolean;
  /** GV: the invoice concerns a VAT group member (written 1, else 2). */
  vatGroupMember?: boolean;
  extra?: XmlNode[];
}

/** Podmiot3 — a third party with its role (and share, e.g. of an additional buyer). */
export interface ThirdParty {
  buyerId?: string; // IDNabywcy
  eori?: string; // NrEORI
  identifier: PartyIdentifier;
  name?: string;
  address?: Address;
  correspondenceAddress?: Address;
  contacts?: Contact[];
  /** Rola; exactly one of `role` and `otherRole` (RolaInna=1 + OpisRoli). */
  role?: ThirdPartyRole;
  otherRole?: string;
  share?: string; // Udzial (percent)
  customerNumber?: string; // NrKlienta
  extra?: XmlNode[];
}

/** FaWiersz — one invoice line. Net pricing fills unitNetPrice/netTotal, gross pricing (art. 106e ust. 7–8)
 * fills unitGrossPrice/grossTotal. */
export interface InvoiceLine {
  lineNumber?: number; // NrWierszaFa (written as the 1-based position when absent)
  uuid?: string; // UU_ID
  supplyDate?: string; // P_6A
  name?: string; // P_7
  index?: string; // Indeks
  gtin?: string; // GTIN
  pkwiu?: string; // PKWiU
  cn?: string; // CN
  pkob?: string; // PKOB
  unit?: string; // P_8A
  quantity?: string; // P_8B
  unitNetPrice?: string; // P_9A
  unitGrossPrice?: string; // P_9B
  discount?: string; // P_10 (amount of discounts not included in the unit price)
  netTotal?: string; // P_11
  grossTotal?: string; // P_11A
  vatTotal?: string; // P_11Vat
  rate?: VatRate; // P_12
  ossRate?: string; // P_12_XII (OSS procedure rate, percent)
  annex15?: boolean; // P_12_Zal_15 (goods/services from Annex 15 — split payment)
  exciseAmount?: string; // KwotaAkcyzy
  gtu?: GtuCode; // GTU
  procedure?: LineProcedure; // Procedura
  exchangeRate?: string; // KursWaluty
  beforeCorrection?: boolean; // StanPrzed (the "before" row of a correction)
  extra?: XmlNode[];
}

/** Net, VAT and VAT-in-PLN of one summary bucket (P_13_x, P_14_x, P_14_xW). */
export interface BucketTotal {
  net: string;
  vat?: string;
  vatPln?: string;
}

/** The invoice summary as FA(3) states it. */
export interface InvoiceSummary {
  buckets: Partial<Record<SummaryBucket, BucketTotal>>;
  gross: string; // P_15
}

export interface Invoice {
  kind: InvoiceKind; // RodzajFaktury
  number: string; // P_2
  issueDate: string; // P_1
  issuePlace?: string; // P_1M
  currency: string; // KodWaluty
  deliveryNotes?: string[]; // WZ
  saleDate?: string; // P_6
  salePeriod?: { from: string; to: string }; // OkresFa
  header?: InvoiceHeader;
  seller: Seller;
  buyer: Buyer;
  thirdParties: ThirdParty[];
  lines: InvoiceLine[];
  /** P_13_x..P_15; computed from the lines by `computeTotals` when absent. */
  summary?: InvoiceSummary;
  advanceExchangeRate?: string; // KursWalutyZ
  annotations: Annotations;
  correction?: Correction;
  advanceParts?: AdvancePart[]; // ZaliczkaCzesciowa
  receiptInvoice?: boolean; // FP (invoice for a receipt)
  relatedParties?: boolean; // TP (links between buyer and seller)
  additionalInfo?: AdditionalInfo[]; // DodatkowyOpis
  advanceInvoices?: AdvanceInvoiceRef[]; // FakturaZaliczkowa
  exciseRefund?: boolean; // ZwrotAkcyzy
  settlement?: Settlement; // Rozliczenie
  payment?: Payment;
  order?: Order; // Zamowienie
  footer?: Footer;
  /** Untyped children of `Fa` (e.g. WarunkiTransakcji), written back in schema order. */
  extra?: XmlNode[];
  /** Untyped children of `Faktura` (e.g. PodmiotUpowazniony, Zalacznik). */
  documentExtra?: XmlNode[];
}
