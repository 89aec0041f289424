/** Finds the archived invoices one query or export covers, in the order KSeF returns them. */
import type { StoredInvoice } from '../invoices/archive';
import { invoiceArchive } from '../invoices/archive';
import type { SandboxStore } from '../state/store';
import type { ContextIdentifier } from '../state/types';
import { matchesFilters, sortDateOf, type InvoiceQueryFilters, type QueryWindow } from './filters';
import { isStored, isVisibleAs } from './visibility';

export type SortOrder = 'Asc' | 'Desc';

/**
 * Sorted by the window's date type; ties fall back to permanent storage date and KSeF number so the order
 * (and therefore paging) is stable between requests.
 */
export function selectInvoices(
  store: SandboxStore,
  context: ContextIdentifier,
  filters: InvoiceQueryFilters,
  window: QueryWindow,
  now: Date,
  sortOrder: SortOrder,
): StoredInvoice[] {
  const matches = Object.values(invoiceArchive(store).byKsefNumber).filter(
    (invoice) => isStored(invoice, now) && isVisibleAs(invoice, filters.subjectType, context) && matchesFilters(invoice, filters, window),
  );
  const direction = sortOrder === 'Asc' ? 1 : -1;
  return matches.sort((a, b) => {
    const order =
      compareText(sortDateOf(a, window.dateType), sortDateOf(b, window.dateType)) ||
      compareText(a.permanentStorageDate, b.permanentStorageDate) ||
      compareText(a.ksefNumber, b.ksefNumber);
    return order * direction;
  });
}

/** Code-unit order (not locale collation): ISO dates and KSeF numbers sort correctly that way. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
