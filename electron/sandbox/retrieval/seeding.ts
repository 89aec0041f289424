/** "Received" invoices for a buyer NIP, archived as if their sellers had sent them online over the last ~60 days. */
import type { SandboxDeps } from '../deps';
import { newReferenceNumber } from '../ids/reference-number';
import { archiveInvoice, invoiceArchive, type StoredInvoice } from '../invoices/archive';
import { duplicateKeyOf } from '../invoices/duplicates';
import { buildKsefNumber } from '../invoices/ksef-number';
import { resolveInvoicingMode } from '../invoices/process';
import { generateReceivedInvoices, type GeneratedInvoice } from '../invoices/seed';
import { SeededRandom, addDays } from '../invoices/seed-random';
import { extractInvoiceFacts } from '../invoices/validate';
import { warsawDateOf } from '../invoices/warsaw-time';
import { sha256Base64 } from '../crypto/primitives';
import { warsawWallToInstant } from './dates';

const SEED_HISTORY_DAYS = 60;

/** Per buyer NIP: how many invoices were seeded and in how many batches (so restarts do not seed again). */
interface SeedLedgerEntry {
  count: number;
  batches: number;
}

const seedLedger = (deps: Pick<SandboxDeps, 'store'>) => deps.store.slice<Record<string, SeedLedgerEntry>>('receivedInvoiceSeeds', () => ({}));

/** A stable seed per (NIP, batch), so a NIP gets the same invoices on every fresh sandbox. */
function defaultSeed(nip: string, batch: number): number {
  return (Number(nip.slice(-9)) ^ Math.imul(batch + 1, 0x9e3779b9)) >>> 0;
}

function bytesFrom(random: SeededRandom): () => Buffer {
  return () => Buffer.from(random.hex(20), 'hex');
}

/** Accepted on the issue day during office hours (so KSeF would call them Online), stored seconds later. */
function lifecycleDates(random: SeededRandom, issueDate: string): { invoicingDate: Date; acquisitionDate: Date; permanentStorageDate: Date } {
  const [year, month, day] = issueDate.split('-').map(Number);
  const invoicingDate = warsawWallToInstant({
    year: year ?? 2026,
    month: month ?? 1,
    day: day ?? 1,
    hour: random.int(7, 19),
    minute: random.int(0, 59),
    second: random.int(0, 59),
    millisecond: random.int(0, 999),
  });
  const acquisitionDate = new Date(invoicingDate.getTime() + random.int(1_500, 30_000));
  const permanentStorageDate = new Date(acquisitionDate.getTime() + random.int(200, 5_000));
  return { invoicingDate, acquisitionDate, permanentStorageDate };
}

function toStoredInvoice(generated: GeneratedInvoice, random: SeededRandom, sessionFor: (key: string, at: Date) => string): StoredInvoice {
  const extracted = extractInvoiceFacts(generated.xml);
  if (!extracted.ok) throw new Error(`seed generator produced an invalid invoice: ${JSON.stringify(extracted)}`);
  const facts = extracted.facts;
  const dates = lifecycleDates(random, facts.issueDate);
  return {
    ksefNumber: buildKsefNumber(facts.seller.nip, dates.invoicingDate, random.hex(12)),
    xml: generated.xml,
    invoiceHash: sha256Base64(generated.xml),
    invoiceSize: generated.xml.length,
    facts,
    invoicingDate: dates.invoicingDate.toISOString(),
    acquisitionDate: dates.acquisitionDate.toISOString(),
    permanentStorageDate: dates.permanentStorageDate.toISOString(),
    invoicingMode: resolveInvoicingMode(facts.issueDate, dates.invoicingDate, false),
    senderContext: { type: 'Nip', value: facts.seller.nip },
    // One fake online session per seller and day, as a seller's invoicing program would open.
    sessionReferenceNumber: sessionFor(`${facts.seller.nip}|${facts.issueDate}`, dates.invoicingDate),
    invoiceReferenceNumber: newReferenceNumber('EE', dates.invoicingDate, bytesFrom(random)),
  };
}

/**
 * Generates `count` XSD-valid FA(3) invoices bought by `nip` (issued over the last ~60 days, up to yesterday) and
 * archives them. Invoices whose duplicate key already exists are skipped. Returns what was archived, oldest first.
 * Note: their permanent-storage dates lie in the past, so seeding a running sandbox moves data under an already
 * published high-water mark; seed before clients sync (start-up seeding does).
 */
export function seedReceivedInvoices(deps: Pick<SandboxDeps, 'store' | 'clock'>, nip: string, count: number, seed?: number): StoredInvoice[] {
  const ledger = seedLedger(deps);
  const entry = ledger[nip] ?? { count: 0, batches: 0 };
  const today = warsawDateOf(deps.clock.now());
  const generated = generateReceivedInvoices(nip, count, seed ?? defaultSeed(nip, entry.batches), {
    from: addDays(today, -SEED_HISTORY_DAYS),
    to: addDays(today, -1),
  });
  const random = new SeededRandom((seed ?? defaultSeed(nip, entry.batches)) ^ 0x5eed5eed);
  const sessions = new Map<string, string>();
  const sessionFor = (key: string, at: Date): string => {
    const known = sessions.get(key) ?? newReferenceNumber('SO', at, bytesFrom(random));
    sessions.set(key, known);
    return known;
  };
  const archive = invoiceArchive(deps.store);
  const archived: StoredInvoice[] = [];
  for (const item of generated) {
    const invoice = toStoredInvoice(item, random, sessionFor);
    const duplicateKey = duplicateKeyOf(invoice.facts);
    if (archive.duplicates[duplicateKey] || archive.byKsefNumber[invoice.ksefNumber]) continue;
    archiveInvoice(deps.store, invoice, duplicateKey);
    archived.push(invoice);
  }
  ledger[nip] = { count: entry.count + archived.length, batches: entry.batches + 1 };
  deps.store.changed();
  return archived.sort((a, b) => (a.permanentStorageDate < b.permanentStorageDate ? -1 : 1));
}

/** `--seed-received NIP:COUNT`: tops each NIP up to COUNT seeded invoices; a restart with the same request seeds nothing. */
export function applyStartupSeeds(deps: SandboxDeps): void {
  for (const request of deps.seedReceived) {
    const already = seedLedger(deps)[request.nip]?.count ?? 0;
    if (already >= request.count) continue;
    const archived = seedReceivedInvoices(deps, request.nip, request.count - already);
    deps.log(`sandbox: seeded ${archived.length} received invoices for NIP ${request.nip}`);
  }
}
