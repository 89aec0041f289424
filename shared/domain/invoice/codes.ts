/**
 * FA(3) code lists the model uses (values exactly as the XSD spells them; schema
 * http://crd.gov.pl/wzor/2025/06/25/13775/).
 */

export const FA3_NAMESPACE = 'http://crd.gov.pl/wzor/2025/06/25/13775/';
export const FA3_SYSTEM_CODE = 'FA (3)';
export const FA3_SCHEMA_VERSION = '1-0E';

/** `TRodzajFaktury`. */
export const INVOICE_KINDS = ['VAT', 'KOR', 'ZAL', 'ROZ', 'UPR', 'KOR_ZAL', 'KOR_ROZ'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];
export const CORRECTION_KINDS: readonly InvoiceKind[] = ['KOR', 'KOR_ZAL', 'KOR_ROZ'];

/** `TStawkaPodatku` (P_12): every rate code FA(3) knows. */
export const VAT_RATES = ['23', '22', '8', '7', '5', '4', '3', '0 KR', '0 WDT', '0 EX', 'zw', 'oo', 'np I', 'np II'] as const;
export type VatRate = (typeof VAT_RATES)[number];

/**
 * Summary buckets of `Fa`: bucket `b` is written as P_13_b (net), P_14_b (VAT) and P_14_bW (VAT in PLN)
 * where FA(3) has those fields.
 */
export const SUMMARY_BUCKETS = ['1', '2', '3', '4', '5', '6_1', '6_2', '6_3', '7', '8', '9', '10', '11'] as const;
export type SummaryBucket = (typeof SUMMARY_BUCKETS)[number];
/** Buckets that carry VAT (P_14_x); the others are net/sale value only. */
export const VAT_BUCKETS: readonly SummaryBucket[] = ['1', '2', '3', '4', '5'];
/** Buckets with a P_14_xW (VAT converted to PLN) field. */
export const VAT_PLN_BUCKETS: readonly SummaryBucket[] = ['1', '2', '3', '4'];

/** Where each P_12 rate is summed (P_13_x). 23/22 → 1, 8/7 → 2, 5 → 3, taxi flat rate 4/3 → 4, ... */
export const RATE_BUCKET: Readonly<Record<VatRate, SummaryBucket>> = {
  '23': '1',
  '22': '1',
  '8': '2',
  '7': '2',
  '5': '3',
  '4': '4',
  '3': '4',
  '0 KR': '6_1',
  '0 WDT': '6_2',
  '0 EX': '6_3',
  zw: '7',
  'np I': '8',
  'np II': '9',
  oo: '10',
};
/** Bucket of lines without P_12 under the OSS procedure (P_12_XII) and under a margin scheme. */
export const OSS_BUCKET: SummaryBucket = '5';
export const MARGIN_BUCKET: SummaryBucket = '11';

/** Numeric percentage of a rate, or null for rates without VAT computed by the seller (0 %, zw, oo, np). */
export function ratePercent(rate: VatRate): string | null {
  return /^\d+$/.test(rate) ? rate : null;
}

/** `TFormaPlatnosci`: 1 gotówka, 2 karta, 3 bon, 4 czek, 5 kredyt, 6 przelew, 7 mobilna. */
export const PAYMENT_METHOD_CODES = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type PaymentMethodCode = (typeof PAYMENT_METHOD_CODES)[number];

/** `TRolaPodmiotu3`: 1 faktor, 2 odbiorca, 3 podmiot pierwotny, 4 dodatkowy nabywca, 5 wystawca faktury,
 * 6 dokonujący płatności, 7 JST wystawca, 8 JST odbiorca, 9 członek grupy VAT wystawca, 10 członek GV odbiorca,
 * 11 pracownik. */
export const THIRD_PARTY_ROLES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'] as const;
export type ThirdPartyRole = (typeof THIRD_PARTY_ROLES)[number];

/** `TStatusInfoPodatnika`: 1 likwidacja, 2 restrukturyzacja, 3 upadłość, 4 przedsiębiorstwo w spadku. */
export const TAXPAYER_STATUSES = ['1', '2', '3', '4'] as const;
export type TaxpayerStatus = (typeof TAXPAYER_STATUSES)[number];

/** `TTypKorekty`: 1 in the original invoice's period, 2 in the correction's period, 3 another date. */
export const CORRECTION_TYPES = ['1', '2', '3'] as const;
export type CorrectionType = (typeof CORRECTION_TYPES)[number];

/** `TRachunekWlasnyBanku`. */
export const OWN_BANK_ACCOUNT_TYPES = ['1', '2', '3'] as const;
export type OwnBankAccountType = (typeof OWN_BANK_ACCOUNT_TYPES)[number];

/** `TGTU`. */
export const GTU_CODES = [
  'GTU_01', 'GTU_02', 'GTU_03', 'GTU_04', 'GTU_05', 'GTU_06', 'GTU_07',
  'GTU_08', 'GTU_09', 'GTU_10', 'GTU_11', 'GTU_12', 'GTU_13',
] as const;
export type GtuCode = (typeof GTU_CODES)[number];

/** `TOznaczenieProcedury` (line `Procedura`). */
export const LINE_PROCEDURES = [
  'WSTO_EE', 'IED', 'TT_D', 'I_42', 'I_63', 'B_SPV', 'B_SPV_DOSTAWA', 'B_MPV_PROWIZJA',
] as const;
export type LineProcedure = (typeof LINE_PROCEDURES)[number];

/** `TOznaczenieProceduryZ` (order line `ProceduraZ`): the line procedures without I_42 and I_63. */
export const ORDER_LINE_PROCEDURES = ['WSTO_EE', 'IED', 'TT_D', 'B_SPV', 'B_SPV_DOSTAWA', 'B_MPV_PROWIZJA'] as const;
export type OrderLineProcedure = (typeof ORDER_LINE_PROCEDURES)[number];

/** Exemption basis (Adnotacje/Zwolnienie): P_19A act provision, P_19B directive, P_19C other legal basis. */
export const EXEMPTION_BASES = ['P_19A', 'P_19B', 'P_19C'] as const;
export type ExemptionBasis = (typeof EXEMPTION_BASES)[number];

/** Margin procedures (Adnotacje/PMarzy): P_PMarzy_2 travel agencies, 3_1 second-hand goods,
 * 3_2 works of art, 3_3 collectors' items and antiques. */
export const MARGIN_PROCEDURES = ['P_PMarzy_2', 'P_PMarzy_3_1', 'P_PMarzy_3_2', 'P_PMarzy_3_3'] as const;
export type MarginProcedure = (typeof MARGIN_PROCEDURES)[number];

/** Buyer/third-party identifier kinds (TPodmiot2/TPodmiot3 choice). INTERNAL (IDWew) is Podmiot3 only. */
export const PARTY_IDENTIFIER_TYPES = ['NIP', 'EU_VAT', 'FOREIGN', 'NONE', 'INTERNAL'] as const;
export type PartyIdentifierType = (typeof PARTY_IDENTIFIER_TYPES)[number];
