/**
 * The sections of `Fa` other than lines and parties: payment, annotations, correction data, advances,
 * settlement, order, additional descriptions, footer and header (re-exported by model.ts).
 */
import type {
  CorrectionType,
  ExemptionBasis,
  GtuCode,
  MarginProcedure,
  OrderLineProcedure,
  OwnBankAccountType,
  PaymentMethodCode,
  VatRate,
} from './codes';
import type { Address, PartyIdentifier, XmlNode } from './model';

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

/** ZamowienieWiersz — a line of the order an advance invoice is for (the *Z fields of FaWiersz). */
export interface OrderLine {
  lineNumber?: number; // NrWierszaZam (written as the 1-based position when absent)
  uuid?: string; // UU_IDZ
  name?: string; // P_7Z
  index?: string; // IndeksZ
  gtin?: string; // GTINZ
  pkwiu?: string; // PKWiUZ
  cn?: string; // CNZ
  pkob?: string; // PKOBZ
  unit?: string; // P_8AZ
  quantity?: string; // P_8BZ
  unitNetPrice?: string; // P_9AZ
  netTotal?: string; // P_11NettoZ
  vatTotal?: string; // P_11VatZ
  rate?: VatRate; // P_12Z
  ossRate?: string; // P_12Z_XII
  annex15?: boolean; // P_12Z_Zal_15
  gtu?: GtuCode; // GTUZ
  procedure?: OrderLineProcedure; // ProceduraZ
  exciseAmount?: string; // KwotaAkcyzyZ
  beforeCorrection?: boolean; // StanPrzedZ
}

/** Zamowienie — the order or contract an advance invoice (ZAL, KOR_ZAL) documents a payment for. */
export interface Order {
  value: string; // WartoscZamowienia (gross)
  lines: OrderLine[]; // ZamowienieWiersz (1..)
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

