/**
 * UPO v4-3 (Urzędowe Poświadczenie Odbioru) XML: per-invoice receipts and paged session receipts.
 * Unsigned: where KSeF places its XAdES signature is not specified by the XSD.
 */
import { FA3_SCHEMA_FILE_NAME, FA3_SYSTEM_CODE } from './fa3-constants';
import { formatWarsawDateTime } from './warsaw-time';

export const UPO_NAMESPACE = 'http://upo.schematy.mf.gov.pl/KSeF/v4-3';
/** The XSD fixes this value; real TE/DEMO UPOs append an environment suffix and so fail strict validation. */
export const UPO_RECEIVING_PARTY = 'Ministerstwo Finansów';
export const UPO_MAX_DOCUMENTS_PER_PAGE = 10_000;

export type UpoContextType = 'Nip' | 'InternalId' | 'NipVatUe' | 'PeppolId';

const CONTEXT_ELEMENT: Readonly<Record<UpoContextType, string>> = {
  Nip: 'Nip',
  InternalId: 'IdWewnetrzny',
  NipVatUe: 'IdZlozonyVatUE',
  PeppolId: 'IdDostawcyUslugPeppol',
};

export interface UpoAuthentication {
  context: { type: UpoContextType; value: string };
  /** Token login → its reference number; signed (XAdES) login → Base64 SHA-256 of the signed document. */
  proof: { kind: 'KsefToken'; tokenReferenceNumber: string } | { kind: 'SignedDocument'; documentHashBase64: string };
}

export interface UpoDocument {
  sellerNip: string;
  ksefNumber: string;
  invoiceNumber: string;
  /** `P_1`, `YYYY-MM-DD`. */
  issueDate: string;
  /** When the invoice reached KSeF (`DataPrzeslaniaDokumentu`). */
  sentAt: Date;
  /** When the KSeF number was assigned (`DataNadaniaNumeruKSeF`). */
  ksefNumberAssignedAt: Date;
  /** Base64 SHA-256 of the invoice bytes (`SkrotDokumentu`). */
  invoiceHashBase64: string;
  invoicingMode: 'Online' | 'Offline';
}

export interface UpoHeader {
  sessionReferenceNumber: string;
  authentication: UpoAuthentication;
  /** Defaults to FA(3): `Schemat_FA(3)_v1-0E.xsd` / `FA (3)`. */
  schemaFileName?: string;
  formSystemCode?: string;
}

interface PageDescription {
  page: number;
  pageCount: number;
  firstDocument: number;
  lastDocument: number;
  totalDocuments: number;
}

/** UPO for a single invoice (no `OpisPotwierdzenia`, like the official per-invoice samples). */
export function buildInvoiceUpo(header: UpoHeader, document: UpoDocument): string {
  return renderUpo(header, [document], undefined);
}

/** Session UPO split into pages of at most `pageSize` documents; page ranges are 1-based and inclusive. */
export function buildSessionUpoPages(header: UpoHeader, documents: readonly UpoDocument[], pageSize = UPO_MAX_DOCUMENTS_PER_PAGE): string[] {
  if (documents.length === 0) throw new Error('A session UPO needs at least one accepted invoice.');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > UPO_MAX_DOCUMENTS_PER_PAGE) {
    throw new Error(`UPO page size must be 1..${UPO_MAX_DOCUMENTS_PER_PAGE}`);
  }
  const pageCount = Math.ceil(documents.length / pageSize);
  return Array.from({ length: pageCount }, (_, pageIndex) => {
    const start = pageIndex * pageSize;
    const pageDocuments = documents.slice(start, start + pageSize);
    return renderUpo(header, pageDocuments, {
      page: pageIndex + 1,
      pageCount,
      firstDocument: start + 1,
      lastDocument: start + pageDocuments.length,
      totalDocuments: documents.length,
    });
  });
}

function renderUpo(header: UpoHeader, documents: readonly UpoDocument[], page: PageDescription | undefined): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Potwierdzenie xmlns="${UPO_NAMESPACE}">`,
    element(1, 'NazwaPodmiotuPrzyjmujacego', UPO_RECEIVING_PARTY),
    element(1, 'NumerReferencyjnySesji', header.sessionReferenceNumber),
    ...renderAuthentication(header.authentication),
    ...(page ? renderPage(page) : []),
    element(1, 'NazwaStrukturyLogicznej', header.schemaFileName ?? FA3_SCHEMA_FILE_NAME),
    element(1, 'KodFormularza', header.formSystemCode ?? FA3_SYSTEM_CODE),
    ...documents.flatMap(renderDocument),
    '</Potwierdzenie>',
  ];
  return `${lines.join('\n')}\n`;
}

function renderAuthentication(authentication: UpoAuthentication): string[] {
  const proof =
    authentication.proof.kind === 'KsefToken'
      ? element(2, 'NumerReferencyjnyTokenaKSeF', authentication.proof.tokenReferenceNumber)
      : element(2, 'SkrotDokumentuUwierzytelniajacego', authentication.proof.documentHashBase64);
  return [
    '\t<Uwierzytelnienie>',
    '\t\t<IdKontekstu>',
    element(3, CONTEXT_ELEMENT[authentication.context.type], authentication.context.value),
    '\t\t</IdKontekstu>',
    proof,
    '\t</Uwierzytelnienie>',
  ];
}

function renderPage(page: PageDescription): string[] {
  return [
    '\t<OpisPotwierdzenia>',
    element(2, 'Strona', String(page.page)),
    element(2, 'LiczbaStron', String(page.pageCount)),
    element(2, 'ZakresDokumentowOd', String(page.firstDocument)),
    element(2, 'ZakresDokumentowDo', String(page.lastDocument)),
    element(2, 'CalkowitaLiczbaDokumentow', String(page.totalDocuments)),
    '\t</OpisPotwierdzenia>',
  ];
}

function renderDocument(document: UpoDocument): string[] {
  return [
    '\t<Dokument>',
    element(2, 'NipSprzedawcy', document.sellerNip),
    element(2, 'NumerKSeFDokumentu', document.ksefNumber),
    element(2, 'NumerFaktury', document.invoiceNumber),
    element(2, 'DataWystawieniaFaktury', document.issueDate),
    element(2, 'DataPrzeslaniaDokumentu', formatWarsawDateTime(document.sentAt)),
    element(2, 'DataNadaniaNumeruKSeF', formatWarsawDateTime(document.ksefNumberAssignedAt)),
    element(2, 'SkrotDokumentu', document.invoiceHashBase64),
    element(2, 'TrybWysylki', document.invoicingMode),
    '\t</Dokument>',
  ];
}

function element(depth: number, name: string, text: string): string {
  return `${'\t'.repeat(depth)}<${name}>${escapeXmlText(text)}</${name}>`;
}

export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
