/** Test helper: invoices "arriving" in a running sandbox now, as if sellers had just sent them to the buyer. */
import { randomBytes } from 'node:crypto';
import type { RunningSandbox } from '../../../electron/sandbox/index';
import { sha256Base64 } from '../../../electron/sandbox/crypto/primitives';
import { newReferenceNumber } from '../../../electron/sandbox/ids/reference-number';
import { archiveInvoice, invoiceArchive } from '../../../electron/sandbox/invoices/archive';
import { duplicateKeyOf } from '../../../electron/sandbox/invoices/duplicates';
import { buildKsefNumber } from '../../../electron/sandbox/invoices/ksef-number';
import { resolveInvoicingMode } from '../../../electron/sandbox/invoices/process';
import { generateReceivedInvoices } from '../../../electron/sandbox/invoices/seed';
import { addDays } from '../../../electron/sandbox/invoices/seed-random';
import { extractInvoiceFacts } from '../../../electron/sandbox/invoices/validate';
import { warsawDateOf } from '../../../electron/sandbox/invoices/warsaw-time';

let batch = 1000;

/**
 * Archives `count` new invoices for `buyerNip` with storage dates just after the sandbox's "now", so they lie
 * above every high-water mark published so far (unlike start-up seeding, which back-dates). Returns their numbers.
 */
export function arrive(sandbox: RunningSandbox, buyerNip: string, count: number): string[] {
  const now = sandbox.deps.clock.now();
  const today = warsawDateOf(now);
  const generated = generateReceivedInvoices(buyerNip, count, batch++ * 7919, { from: addDays(today, -5), to: today });
  const archive = invoiceArchive(sandbox.deps.store);
  const numbers: string[] = [];
  for (const [index, item] of generated.entries()) {
    const extracted = extractInvoiceFacts(item.xml);
    if (!extracted.ok) throw new Error('generator produced an invalid invoice');
    const facts = extracted.facts;
    const duplicateKey = duplicateKeyOf(facts);
    if (archive.duplicates[duplicateKey]) continue;
    const invoicingDate = new Date(now.getTime() + index);
    const stored = {
      ksefNumber: buildKsefNumber(facts.seller.nip, invoicingDate, randomBytes(6).toString('hex').toUpperCase()),
      xml: item.xml,
      invoiceHash: sha256Base64(item.xml),
      invoiceSize: item.xml.length,
      facts,
      invoicingDate: invoicingDate.toISOString(),
      acquisitionDate: invoicingDate.toISOString(),
      permanentStorageDate: new Date(invoicingDate.getTime() + 10).toISOString(),
      invoicingMode: resolveInvoicingMode(facts.issueDate, invoicingDate, false),
      senderContext: { type: 'Nip' as const, value: facts.seller.nip },
      sessionReferenceNumber: newReferenceNumber('SO', invoicingDate),
      invoiceReferenceNumber: newReferenceNumber('EE', invoicingDate),
    };
    archiveInvoice(sandbox.deps.store, stored, duplicateKey);
    numbers.push(stored.ksefNumber);
  }
  sandbox.deps.store.changed();
  return numbers;
}

/** Every invoice the sandbox holds with `buyerNip` as buyer. */
export function sandboxNumbersFor(sandbox: RunningSandbox, buyerNip: string): string[] {
  return Object.values(invoiceArchive(sandbox.deps.store).byKsefNumber)
    .filter((invoice) => invoice.facts.buyer.identifier.value === buyerNip)
    .map((invoice) => invoice.ksefNumber)
    .sort();
}
