/**
 * Where a problem belongs in the issuing form: a schema validator's element path (`/Faktura/Fa/FaWiersz[2]/P_8B`)
 * or a model path (`lines.1.quantity`) becomes a form path (`lines.1.quantity`), or null for the summary list.
 */

/** Element (or model field) → form field, for the leaf names of a line. */
const LINE_FIELDS: Record<string, string> = {
  P_7: 'name',
  P_8A: 'unit',
  P_8B: 'quantity',
  P_9A: 'unitPrice',
  P_9B: 'unitPrice',
  P_10: 'discount',
  P_11: 'unitPrice',
  P_11A: 'unitPrice',
  P_12: 'rate',
  PKWiU: 'pkwiu',
  GTU: 'gtu',
  name: 'name',
  unit: 'unit',
  quantity: 'quantity',
  unitNetPrice: 'unitPrice',
  unitGrossPrice: 'unitPrice',
  discount: 'discount',
  netTotal: 'unitPrice',
  grossTotal: 'unitPrice',
  rate: 'rate',
  pkwiu: 'pkwiu',
  gtu: 'gtu',
  exchangeRate: '@exchangeRate',
};

/** Element paths (without indexes and namespace prefixes) of the fields outside the lines. */
const ELEMENT_FIELDS: Record<string, string> = {
  '/Faktura/Fa/P_1': 'issueDate',
  '/Faktura/Fa/P_1M': 'placeOfIssue',
  '/Faktura/Fa/P_2': 'number',
  '/Faktura/Fa/P_6': 'saleDate',
  '/Faktura/Fa/KodWaluty': 'currency',
  '/Faktura/Podmiot2/DaneIdentyfikacyjne/NIP': 'buyer.identifier',
  '/Faktura/Podmiot2/DaneIdentyfikacyjne/NrVatUE': 'buyer.identifier',
  '/Faktura/Podmiot2/DaneIdentyfikacyjne/NrID': 'buyer.identifier',
  '/Faktura/Podmiot2/DaneIdentyfikacyjne/KodUE': 'buyer.identifierCountry',
  '/Faktura/Podmiot2/DaneIdentyfikacyjne/KodKraju': 'buyer.identifierCountry',
  '/Faktura/Podmiot2/DaneIdentyfikacyjne/Nazwa': 'buyer.name',
  '/Faktura/Podmiot2/Adres/AdresL1': 'buyer.address.line1',
  '/Faktura/Podmiot2/Adres/AdresL2': 'buyer.address.line2',
  '/Faktura/Podmiot2/Adres/KodKraju': 'buyer.address.countryCode',
  '/Faktura/Podmiot2/DaneKontaktowe/Email': 'buyer.email',
  '/Faktura/Fa/Platnosc/TerminPlatnosci/Termin': 'payment.dueDate',
  '/Faktura/Fa/Platnosc/DataZaplaty': 'payment.paidDate',
  '/Faktura/Fa/Platnosc/RachunekBankowy/NrRB': 'payment.bankAccount',
  '/Faktura/Fa/DaneFaKorygowanej/NrFaKorygowanej': 'correction.originalNumber',
  '/Faktura/Fa/DaneFaKorygowanej/DataWystFaKorygowanej': 'correction.originalIssueDate',
  '/Faktura/Fa/DaneFaKorygowanej/NrKSeFFaKorygowanej': 'correction.originalKsefNumber',
  '/Faktura/Fa/PrzyczynaKorekty': 'correction.reason',
  '/Faktura/Fa/Adnotacje/Zwolnienie/P_19A': 'annotations.exemptionBasis',
  '/Faktura/Fa/Stopka/Informacje/StopkaFaktury': 'notes',
};

/** Model paths (dotted, as parseInvoice and checkInvoiceRules report them) outside the lines. */
const MODEL_FIELDS: Record<string, string> = {
  number: 'number',
  issueDate: 'issueDate',
  issuePlace: 'placeOfIssue',
  saleDate: 'saleDate',
  currency: 'currency',
  'buyer.identifier.value': 'buyer.identifier',
  'buyer.identifier.countryCode': 'buyer.identifierCountry',
  'buyer.identifier': 'buyer.identifier',
  'buyer.name': 'buyer.name',
  'buyer.address.line1': 'buyer.address.line1',
  'buyer.address.line2': 'buyer.address.line2',
  'payment.dueDates.0.date': 'payment.dueDate',
  'payment.paidDate': 'payment.paidDate',
  'payment.bankAccounts.0.number': 'payment.bankAccount',
  'correction.corrected.0.number': 'correction.originalNumber',
  'correction.corrected.0.issueDate': 'correction.originalIssueDate',
  'correction.corrected.0.ksefNumber': 'correction.originalKsefNumber',
  'correction.reason': 'correction.reason',
  'annotations.exemption': 'annotations.exemptionBasis',
  'annotations.exemption.text': 'annotations.exemptionBasis',
  'annotations.splitPayment': 'payment.splitPayment',
  lines: 'lines',
};

/** A model line index → the form row: corrections list their "before" rows first. */
function lineField(index: number, beforeCount: number, leaf: string | undefined): string | null {
  const field = leaf === undefined ? undefined : LINE_FIELDS[leaf];
  if (field === '@exchangeRate') return 'exchangeRate';
  const row = index < beforeCount ? `correction.linesBefore.${index}` : `lines.${index - beforeCount}`;
  return field ? `${row}.${field}` : `${row}.name`;
}

/** An order line's element (P_7Z, P_11NettoZ, GTUZ, …) is the line's element with a Z: the form edits both as `lines`. */
function orderLineLeaf(leaf: string | undefined): string | undefined {
  if (leaf === undefined) return undefined;
  if (leaf === 'P_11NettoZ' || leaf === 'P_11VatZ') return 'P_11';
  return leaf.endsWith('Z') ? leaf.slice(0, -1) : leaf;
}

/**
 * `kind` matters for advance invoices: on a ZAL the form's lines are the order (Zamowienie) and P_6 is the day
 * the advance was received; on a ROZ each FakturaZaliczkowa is a row of the settled advances.
 */
export function fieldOfElementPath(elementPath: string, beforeCount: number, kind = 'VAT'): string | null {
  const clean = elementPath.replace(/\/[A-Za-z0-9_-]+:/g, '/');
  const line = /^\/Faktura\/Fa\/FaWiersz(?:\[(\d+)\])?(?:\/([A-Za-z0-9_]+))?/.exec(clean);
  if (line) return lineField(Number(line[1] ?? '1') - 1, beforeCount, line[2]);
  const orderLine = /^\/Faktura\/Fa\/Zamowienie\/ZamowienieWiersz(?:\[(\d+)\])?(?:\/([A-Za-z0-9_]+))?/.exec(clean);
  if (orderLine) return lineField(Number(orderLine[1] ?? '1') - 1, 0, orderLineLeaf(orderLine[2]));
  const advance = /^\/Faktura\/Fa\/FakturaZaliczkowa(?:\[(\d+)\])?/.exec(clean);
  if (advance) return `advance.settled.${Number(advance[1] ?? '1') - 1}.reference`;
  if (clean.startsWith('/Faktura/Podmiot1')) return 'seller';
  const unindexed = clean.replace(/\[\d+\]/g, '');
  if (kind === 'ZAL' && unindexed === '/Faktura/Fa/P_6') return 'advance.receivedDate';
  if (kind === 'ZAL' && unindexed.startsWith('/Faktura/Fa/Zamowienie')) return 'lines';
  return ELEMENT_FIELDS[unindexed] ?? null;
}

export function fieldOfModelPath(modelPath: string, beforeCount: number, kind = 'VAT'): string | null {
  const line = /^lines\.(\d+)(?:\.([A-Za-z0-9_]+))?/.exec(modelPath);
  if (line) return lineField(Number(line[1]), beforeCount, line[2]);
  const orderLine = /^order\.lines\.(\d+)(?:\.([A-Za-z0-9_]+))?/.exec(modelPath);
  if (orderLine) return lineField(Number(orderLine[1]), 0, orderLine[2]);
  const advance = /^advanceInvoices\.(\d+)/.exec(modelPath);
  if (advance) return `advance.settled.${advance[1]}.reference`;
  if (modelPath.startsWith('seller')) return 'seller';
  if (kind === 'ZAL' && modelPath === 'saleDate') return 'advance.receivedDate';
  return MODEL_FIELDS[modelPath] ?? null;
}
