/**
 * The FA(3) invoice as a plain JSON-serialisable object. Amounts, quantities, percentages and exchange
 * rates are decimal STRINGS ("1234.50"), dates "YYYY-MM-DD". Field comments name the FA(3) element.
 *
 * Optional fields mirror optional FA(3) elements: the reader fills exactly what the XML has and the writer
 * writes exactly what the model has, so XML → model → XML is lossless. Elements the model does not type
 * are kept as `XmlNode` trees in the `extra` list of their parent container and written back in schema order.
 */
import type {
  CorrectionType,
  ExemptionBasis,
  GtuCode,
  InvoiceKind,
  LineProcedure,
  MarginProcedure,
  OwnBankAccountType,
  PaymentMethodCode,
  SummaryBucket,
  TaxpayerStatus,
  ThirdPartyRole,
  VatRate,
} from './codes';

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

export interface DueDate {
  date?: string; // Termin
  /** TerminOpis: e.g. 14 "dni" from "od daty dostawy". */
  description?: { quantity: string; unit: string; startEvent: string };
}

export interface BankAccount {
  number: string; // NrRB (IBAN or domestic number)
  swift?: string;
  ownBankAccount?: OwnBankAccountType; // RachunekWlasnyBanku
  bankName?: string;
  description?: string; // OpisRachunku
}

export interface PartialPayment {
  amount: string; // KwotaZaplatyCzesciowej
  date: string; // DataZaplatyCzesciowej
  method?: PaymentMethodCode;
  otherMethod?: string; // PlatnoscInna + OpisPlatnosci
}

/** Platnosc. */
export interface Payment {
  paidDate?: string; // Zaplacono=1 + DataZaplaty
  /** ZnacznikZaplatyCzesciowej (1 partial payment, 2 full payment in parts) + ZaplataCzesciowa. */
  partial?: { marker: '1' | '2'; payments: PartialPayment[] };
  dueDates?: DueDate[]; // TerminPlatnosci
  method?: PaymentMethodCode; // FormaPlatnosci
  otherMethod?: string; // PlatnoscInna + OpisPlatnosci
  bankAccounts?: BankAccount[]; // RachunekBankowy
  factorBankAccounts?: BankAccount[]; // RachunekBankowyFaktora
  earlyPaymentDiscount?: { conditions: string; amount: string }; // Skonto
  paymentLink?: string; // LinkDoPlatnosci
  ksefPaymentId?: string; // IPKSeF
  extra?: XmlNode[];
}

/** Adnotacje (P_16..P_23, exemption, new means of transport, margin). */
export interface Annotations {
  cashAccounting: boolean; // P_16 metoda kasowa
  selfBilling: boolean; // P_17 samofakturowanie
  reverseCharge: boolean; // P_18 odwrotne obciążenie
  splitPayment: boolean; // P_18A mechanizm podzielonej płatności
  exemption?: { basis: ExemptionBasis; text: string }; // Zwolnienie (absent → P_19N)
  /** NoweSrodkiTransportu when it is not P_22N: the element kept whole (P_22, P_42_5, NowySrodekTransportu…). */
  newTransportMeans?: XmlNode;
  simplifiedTriangular: boolean; // P_23
  margin?: MarginProcedure; // PMarzy (absent → P_PMarzyN)
  extra?: XmlNode[];
}

export interface CorrectedInvoice {
  issueDate: string; // DataWystFaKorygowanej
  number: string; // NrFaKorygowanej
  ksefNumber?: string; // NrKSeFFaKorygowanej (absent → NrKSeFN: issued outside KSeF)
}

/** The correction part of KOR, KOR_ZAL and KOR_ROZ. */
export interface Correction {
  reason?: string; // PrzyczynaKorekty
  type?: CorrectionType; // TypKorekty
  corrected: CorrectedInvoice[]; // DaneFaKorygowanej (1..)
  period?: string; // OkresFaKorygowanej
  correctedNumber?: string; // NrFaKorygowany (the right number when correcting the number)
  sellerBefore?: { vatPrefix?: string; nip: string; name: string; address: Address }; // Podmiot1K
  buyersBefore?: { identifier: PartyIdentifier; name?: string; address?: Address; buyerId?: string }[]; // Podmiot2K
  grossBefore?: string; // P_15ZK
  exchangeRateBefore?: string; // KursWalutyZK
}

/** ZaliczkaCzesciowa — a part payment received, documented by this (ZAL) invoice. */
export interface AdvancePart {
  date: string; // P_6Z
  gross: string; // P_15Z
  exchangeRate?: string; // KursWalutyZW
}

/** FakturaZaliczkowa — an advance invoice settled by this one: its KSeF number, or its number when not in KSeF. */
export interface AdvanceInvoiceRef {
  ksefNumber?: string; // NrKSeFFaZaliczkowej
  number?: string; // NrKSeFZN=1 + NrFaZaliczkowej
}

/** Rozliczenie. */
export interface Settlement {
  charges?: { amount: string; reason: string }[]; // Obciazenia
  chargesTotal?: string; // SumaObciazen
  deductions?: { amount: string; reason: string }[]; // Odliczenia
  deductionsTotal?: string; // SumaOdliczen
  toPay?: string; // DoZaplaty
  toSettle?: string; // DoRozliczenia
}

/** DodatkowyOpis (key/value, optionally tied to a line). */
export interface AdditionalInfo {
  lineNumber?: number;
  key: string;
  value: string;
}

/** Stopka. */
export interface Footer {
  information?: { text?: string }[]; // Informacje/StopkaFaktury (0..3)
  registers?: { fullName?: string; krs?: string; regon?: string; bdo?: string }[]; // Rejestry
  extra?: XmlNode[];
}

export interface InvoiceHeader {
  createdAt?: string; // DataWytworzeniaFa (written as "now" when absent)
  systemInfo?: string; // SystemInfo
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
  footer?: Footer;
  /** Untyped children of `Fa` (e.g. WarunkiTransakcji, Zamowienie), written back in schema order. */
  extra?: XmlNode[];
  /** Untyped children of `Faktura` (e.g. PodmiotUpowazniony, Zalacznik). */
  documentExtra?: XmlNode[];
}
