/** Reads the KSeF-relevant facts out of an FA(3) document; rejects documents lacking them (structural check). */
import type { Document, Element } from '@xmldom/xmldom';
import { FA_AMOUNT_PATTERN, addAmounts, formatAmount } from '../../../shared/domain/money';
import { NIP_PATTERN } from '../../../shared/domain/nip';
import {
  FA3_FORM_VALUE,
  FA3_FORM_VARIANT,
  FA3_NAMESPACE,
  FA3_SCHEMA_VERSION,
  FA3_SYSTEM_CODE,
} from './fa3-constants';
import type {
  AuthorizedSubjectFacts,
  BuyerIdentifierType,
  Fa3InvoiceKind,
  InvoiceFacts,
  PartyIdentifier,
  ThirdSubjectFacts,
  ThirdSubjectIdentifierType,
} from './facts-types';
import { INVOICE_TYPE_BY_KIND } from './facts-types';
import { fileVerificationError, type InvoiceRejection } from './rejection';
import { childElements, descend, firstChild, parseXmlStrict, textOf } from './xml-dom';

export type FactsResult = { ok: true; facts: InvoiceFacts } | InvoiceRejection;

/** Net sums per rate group in schema order (`P_13_1` … `P_13_11`). */
const NET_FIELDS = ['P_13_1', 'P_13_2', 'P_13_3', 'P_13_4', 'P_13_5', 'P_13_6_1', 'P_13_6_2', 'P_13_6_3', 'P_13_7', 'P_13_8', 'P_13_9', 'P_13_10', 'P_13_11'];
/** VAT fields; for foreign-currency invoices `P_14_xW` holds the PLN amount and takes precedence (`P_14_5` has no W variant). */
const VAT_FIELDS: ReadonlyArray<readonly [string, string | undefined]> = [
  ['P_14_1', 'P_14_1W'],
  ['P_14_2', 'P_14_2W'],
  ['P_14_3', 'P_14_3W'],
  ['P_14_4', 'P_14_4W'],
  ['P_14_5', undefined],
];

/** Thrown internally when a required fact is missing; converted to a 430 rejection. */
class MissingFact extends Error {}

export function extractInvoiceFacts(xml: Buffer | string): FactsResult {
  let document: Document;
  try {
    document = parseXmlStrict(typeof xml === 'string' ? xml : xml.toString('utf8'));
  } catch (error) {
    return fileVerificationError(`The invoice is not well-formed XML: ${error instanceof Error ? error.message.split('\n')[0] : ''}`);
  }
  return extractFactsFromDocument(document);
}

export function extractFactsFromDocument(document: Document): FactsResult {
  try {
    return { ok: true, facts: readFacts(document) };
  } catch (error) {
    if (error instanceof MissingFact) return fileVerificationError(error.message);
    throw error;
  }
}

function readFacts(document: Document): InvoiceFacts {
  const root = document.documentElement ?? undefined;
  if (!root || root.localName !== 'Faktura' || root.namespaceURI !== FA3_NAMESPACE) {
    const found = root ? `{${root.namespaceURI ?? ''}}${root.localName}` : 'nothing';
    throw new MissingFact(`The root element must be Faktura in namespace ${FA3_NAMESPACE} (found ${found}).`);
  }
  checkFormCode(root);
  const fa = need(firstChild(root, 'Fa', FA3_NAMESPACE), 'Fa');
  const kind = requiredText(fa, ['RodzajFaktury']) as Fa3InvoiceKind;
  if (!(kind in INVOICE_TYPE_BY_KIND)) throw new MissingFact(`Unknown RodzajFaktury "${kind}".`);

  const sellerData = need(descend(root, ['Podmiot1', 'DaneIdentyfikacyjne'], FA3_NAMESPACE), 'Podmiot1/DaneIdentyfikacyjne');
  const sellerNip = requiredText(sellerData, ['NIP']);
  if (!NIP_PATTERN.test(sellerNip)) throw new MissingFact(`Podmiot1 NIP "${sellerNip}" has an invalid format.`);
  const buyerData = need(descend(root, ['Podmiot2', 'DaneIdentyfikacyjne'], FA3_NAMESPACE), 'Podmiot2/DaneIdentyfikacyjne');
  const authorizedSubject = readAuthorizedSubject(root);

  return {
    formCode: { systemCode: FA3_SYSTEM_CODE, schemaVersion: FA3_SCHEMA_VERSION, value: FA3_FORM_VALUE },
    seller: withName({ nip: sellerNip }, sellerData),
    buyer: withName({ identifier: readIdentifier(buyerData, false) as PartyIdentifier<BuyerIdentifierType> }, buyerData),
    thirdSubjects: childElements(root, 'Podmiot3', FA3_NAMESPACE).map(readThirdSubject),
    ...(authorizedSubject ? { authorizedSubject } : {}),
    issueDate: readDate(fa, 'P_1'),
    invoiceNumber: requiredText(fa, ['P_2']),
    kind,
    invoiceType: INVOICE_TYPE_BY_KIND[kind],
    currency: requiredText(fa, ['KodWaluty']),
    ...readAmounts(fa),
    hasAttachment: childElements(root, 'Zalacznik', FA3_NAMESPACE).length > 0,
    isSelfInvoicing: textOf(descend(fa, ['Adnotacje', 'P_17'], FA3_NAMESPACE)) === '1',
    correctedInvoices: childElements(fa, 'DaneFaKorygowanej', FA3_NAMESPACE).map((entry) => ({
      issueDate: requiredText(entry, ['DataWystFaKorygowanej']),
      invoiceNumber: requiredText(entry, ['NrFaKorygowanej']),
      ...optional('ksefNumber', textOf(firstChild(entry, 'NrKSeFFaKorygowanej', FA3_NAMESPACE))),
    })),
  };
}

function checkFormCode(root: Element): void {
  const formCode = need(descend(root, ['Naglowek', 'KodFormularza'], FA3_NAMESPACE), 'Naglowek/KodFormularza');
  const systemCode = formCode.getAttribute('kodSystemowy');
  const schemaVersion = formCode.getAttribute('wersjaSchemy');
  if (systemCode !== FA3_SYSTEM_CODE || schemaVersion !== FA3_SCHEMA_VERSION || textOf(formCode) !== FA3_FORM_VALUE) {
    throw new MissingFact(`KodFormularza must be ${FA3_FORM_VALUE} with kodSystemowy "${FA3_SYSTEM_CODE}" and wersjaSchemy "${FA3_SCHEMA_VERSION}".`);
  }
  if (requiredText(root, ['Naglowek', 'WariantFormularza']) !== FA3_FORM_VARIANT) {
    throw new MissingFact(`WariantFormularza must be ${FA3_FORM_VARIANT}.`);
  }
}

function readAmounts(fa: Element): Pick<InvoiceFacts, 'netAmount' | 'vatAmount' | 'grossAmount'> {
  const net = NET_FIELDS.map((field) => amountOf(fa, field)).filter(isDefined);
  const vat = VAT_FIELDS.map(([field, plnField]) => (plnField && amountOf(fa, plnField)) ?? amountOf(fa, field)).filter(isDefined);
  const gross = amountOf(fa, 'P_15');
  if (gross === undefined) throw new MissingFact('Required element Fa/P_15 is missing.');
  return { netAmount: formatAmount(addAmounts(...net)), vatAmount: formatAmount(addAmounts(...vat)), grossAmount: formatAmount(gross) };
}

function amountOf(fa: Element, field: string): string | undefined {
  const text = textOf(firstChild(fa, field, FA3_NAMESPACE));
  if (text === undefined) return undefined;
  if (!FA_AMOUNT_PATTERN.test(text)) throw new MissingFact(`Fa/${field} "${text}" is not a valid amount.`);
  return text;
}

/** Podmiot2/Podmiot3 identification choice: NIP | IDWew (Podmiot3 only) | KodUE+NrVatUE | [KodKraju] NrID | BrakID. */
function readIdentifier(data: Element, allowInternalId: boolean): PartyIdentifier<ThirdSubjectIdentifierType> {
  const nip = textOf(firstChild(data, 'NIP', FA3_NAMESPACE));
  if (nip !== undefined) return { type: 'Nip', value: nip };
  const internalId = textOf(firstChild(data, 'IDWew', FA3_NAMESPACE));
  if (internalId !== undefined && allowInternalId) return { type: 'InternalId', value: internalId };
  const euCountry = textOf(firstChild(data, 'KodUE', FA3_NAMESPACE));
  const euVatNumber = textOf(firstChild(data, 'NrVatUE', FA3_NAMESPACE));
  if (euCountry !== undefined && euVatNumber !== undefined) return { type: 'VatUe', value: `${euCountry}${euVatNumber}` };
  const otherId = textOf(firstChild(data, 'NrID', FA3_NAMESPACE));
  if (otherId !== undefined) return { type: 'Other', value: otherId };
  if (textOf(firstChild(data, 'BrakID', FA3_NAMESPACE)) === '1') return { type: 'None' };
  throw new MissingFact('A subject has no identifier (NIP, KodUE+NrVatUE, NrID or BrakID).');
}

function readThirdSubject(subject: Element): ThirdSubjectFacts {
  const data = need(firstChild(subject, 'DaneIdentyfikacyjne', FA3_NAMESPACE), 'Podmiot3/DaneIdentyfikacyjne');
  const roleText = textOf(firstChild(subject, 'Rola', FA3_NAMESPACE));
  const isOtherRole = textOf(firstChild(subject, 'RolaInna', FA3_NAMESPACE)) === '1';
  if (roleText === undefined && !isOtherRole) throw new MissingFact('Podmiot3 must have Rola or RolaInna.');
  return withName({ identifier: readIdentifier(data, true), role: isOtherRole ? 0 : Number(roleText) }, data);
}

function readAuthorizedSubject(root: Element): AuthorizedSubjectFacts | undefined {
  const subject = firstChild(root, 'PodmiotUpowazniony', FA3_NAMESPACE);
  if (!subject) return undefined;
  const data = need(firstChild(subject, 'DaneIdentyfikacyjne', FA3_NAMESPACE), 'PodmiotUpowazniony/DaneIdentyfikacyjne');
  return withName({ nip: requiredText(data, ['NIP']), role: Number(requiredText(subject, ['RolaPU'])) }, data);
}

function readDate(parent: Element, field: string): string {
  const value = requiredText(parent, [field]);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new MissingFact(`Fa/${field} "${value}" is not a date (YYYY-MM-DD).`);
  }
  return value;
}

function withName<T extends object>(target: T, data: Element): T & { name?: string } {
  return { ...target, ...optional('name', textOf(firstChild(data, 'Nazwa', FA3_NAMESPACE))) };
}

function requiredText(parent: Element, path: readonly string[]): string {
  const value = textOf(descend(parent, path, FA3_NAMESPACE));
  if (value === undefined) throw new MissingFact(`Required element ${parent.localName}/${path.join('/')} is missing or empty.`);
  return value;
}

function need(element: Element | undefined, path: string): Element {
  if (!element) throw new MissingFact(`Required element ${path} is missing.`);
  return element;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
