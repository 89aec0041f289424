/** The outbox tables: invoices with their bytes, the send journal, the status timeline, sessions and UPO pages. */
import { randomUUID } from 'node:crypto';
import type { OutboxCounts, OutboxItemDetail, OutboxState, OutboxTimelineEntry, SendMode } from '../../../shared/ipc/channels/outbox';
import type { SqliteDatabase } from '../storage/database';
import type { InvoiceSummary } from './invoice-file';
import { ITEM_COLUMNS, publicItem, toItem, type ItemColumn, type ItemRow, type StoredItem } from './outbox-rows';

export { publicItem, type ItemColumn, type StoredItem } from './outbox-rows';

export interface SessionRow {
  id: string;
  kind: SendMode;
  contextNip: string;
  environment: string;
  referenceNumber: string | null;
  /** online: opening → open → closed; batch: prepared → opening → opened → uploaded → closing → closed → settled | abandoned. */
  step: string;
}

export interface NewItem {
  origin: 'issued' | 'imported';
  fileName?: string;
  xml: Buffer;
  hash: string;
  summary: InvoiceSummary;
  state: OutboxState;
  sendMode?: SendMode;
  offlineMode?: boolean;
  correctedHash?: string;
}

export interface ListFilter {
  states?: readonly OutboxState[];
  search?: string;
  limit: number;
  offset: number;
}

export class OutboxStore {
  constructor(
    /** A getter: the profile database opens on first use. */
    private readonly database: () => SqliteDatabase,
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {}

  private get db(): SqliteDatabase {
    return this.database();
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  insert(item: NewItem): StoredItem {
    const id = randomUUID();
    const now = this.now();
    const s = item.summary;
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO outbox_item (id, created_at, updated_at, state, origin, file_name, xml, hash, size, kind, invoice_number, issue_date, seller_nip,
             buyer_name, buyer_identifier, gross_total, currency, send_mode, offline_mode, corrected_hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, now, now, item.state, item.origin, item.fileName ?? null, item.xml, item.hash, item.xml.length, s.kind, s.invoiceNumber, s.issueDate, s.sellerNip,
          s.buyerName, s.buyerIdentifier, s.grossTotal, s.currency, item.sendMode ?? null, item.offlineMode ? 1 : 0, item.correctedHash ?? null);
      this.addTimeline(id, item.state, item.origin === 'imported' ? `imported${item.fileName ? `: ${item.fileName}` : ''}` : 'issued', now);
    })();
    return this.require(id);
  }

  /** Runs `work` in one transaction (one fsync for many inserts). */
  inTransaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  get(id: string): StoredItem | null {
    const row = this.db.prepare(`SELECT ${ITEM_COLUMNS} FROM outbox_item WHERE id = ?`).get(id) as ItemRow | undefined;
    return row ? toItem(row) : null;
  }

  require(id: string): StoredItem {
    const item = this.get(id);
    if (!item) throw new Error(`outbox item ${id} vanished`);
    return item;
  }

  detail(id: string): OutboxItemDetail | null {
    const item = this.get(id);
    return item ? { ...publicItem(item), timeline: this.timeline(id) } : null;
  }

  /** The newest item with these exact bytes (a repeated import or CLI run finds what it sent before). */
  findByHash(hash: string): StoredItem | null {
    const row = this.db.prepare(`SELECT ${ITEM_COLUMNS} FROM outbox_item WHERE hash = ? ORDER BY created_at DESC LIMIT 1`).get(hash) as ItemRow | undefined;
    return row ? toItem(row) : null;
  }

  findByKsefNumber(ksefNumber: string): StoredItem | null {
    const row = this.db.prepare(`SELECT ${ITEM_COLUMNS} FROM outbox_item WHERE ksef_number = ? LIMIT 1`).get(ksefNumber) as ItemRow | undefined;
    return row ? toItem(row) : null;
  }

  xml(id: string): Buffer | null {
    const row = this.db.prepare('SELECT xml FROM outbox_item WHERE id = ?').get(id) as { xml: Buffer } | undefined;
    return row ? row.xml : null;
  }

  /** The invoice's own UPO, else the session UPO page that lists it (batch). */
  upoXml(id: string): { xml: string; kind: 'invoice' | 'session' } | null {
    const row = this.db
      .prepare('SELECT i.upo_xml AS own, p.xml AS page FROM outbox_item i LEFT JOIN outbox_upo_page p ON p.session_ref = i.session_ref AND p.upo_ref = i.upo_page_ref WHERE i.id = ?')
      .get(id) as { own: string | null; page: string | null } | undefined;
    if (row?.own) return { xml: row.own, kind: 'invoice' };
    return row?.page ? { xml: row.page, kind: 'session' } : null;
  }

  list(filter: ListFilter): { items: StoredItem[]; total: number } {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (filter.states?.length) {
      where.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
      args.push(...filter.states);
    }
    if (filter.search) {
      const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(invoice_number LIKE ? ESCAPE '\\' OR buyer_name LIKE ? ESCAPE '\\' OR buyer_identifier LIKE ? ESCAPE '\\' OR ksef_number LIKE ? ESCAPE '\\' OR file_name LIKE ? ESCAPE '\\')`);
      args.push(like, like, like, like, like);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM outbox_item ${clause}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT ${ITEM_COLUMNS} FROM outbox_item ${clause} ORDER BY created_at DESC, id LIMIT ? OFFSET ?`).all(...args, filter.limit, filter.offset) as ItemRow[];
    return { items: rows.map(toItem), total };
  }

  counts(): OutboxCounts {
    const counts: OutboxCounts = { draft: 0, queued: 0, sending: 0, accepted: 0, rejected: 0, offline: 0 };
    for (const row of this.db.prepare('SELECT state, COUNT(*) AS n FROM outbox_item GROUP BY state').all() as { state: OutboxState; n: number }[]) counts[row.state] = row.n;
    return counts;
  }

  /** Items in the given states, oldest first. */
  inStates(states: readonly OutboxState[]): StoredItem[] {
    const rows = this.db.prepare(`SELECT ${ITEM_COLUMNS} FROM outbox_item WHERE state IN (${states.map(() => '?').join(', ')}) ORDER BY created_at, id`).all(...states) as ItemRow[];
    return rows.map(toItem);
  }

  ofSession(sessionId: string): StoredItem[] {
    const rows = this.db.prepare(`SELECT ${ITEM_COLUMNS} FROM outbox_item WHERE session_id = ? ORDER BY created_at, id`).all(sessionId) as ItemRow[];
    return rows.map(toItem);
  }

  timeline(id: string): OutboxTimelineEntry[] {
    const rows = this.db.prepare('SELECT at, state, note FROM outbox_timeline WHERE item_id = ? ORDER BY seq').all(id) as { at: string; state: OutboxState; note: string | null }[];
    return rows.map((row) => ({ at: row.at, state: row.state, ...(row.note ? { note: row.note } : {}) }));
  }

  private addTimeline(id: string, state: OutboxState, note: string | undefined, at = this.now()): void {
    this.db.prepare('INSERT INTO outbox_timeline (item_id, at, state, note) VALUES (?, ?, ?, ?)').run(id, at, state, note ?? null);
  }

  /** Moves items to `state` (timeline entry each) and applies the column changes, in one transaction. */
  transition(ids: readonly string[], state: OutboxState, note: string | undefined, changes: Partial<Record<ItemColumn, string | number | Buffer | null>> = {}): void {
    const names = Object.keys(changes) as ItemColumn[];
    const set = ['state = ?', 'updated_at = ?', ...names.map((name) => `${name} = ?`)].join(', ');
    const statement = this.db.prepare(`UPDATE outbox_item SET ${set} WHERE id = ?`);
    const now = this.now();
    this.db.transaction(() => {
      for (const id of ids) {
        statement.run(state, now, ...names.map((name) => changes[name] ?? null), id);
        this.addTimeline(id, state, note, now);
      }
    })();
  }

  /** Journal columns only: no state change, no timeline entry. */
  journal(ids: readonly string[], changes: Partial<Record<ItemColumn, string | number | null>>): void {
    const names = Object.keys(changes) as ItemColumn[];
    const statement = this.db.prepare(`UPDATE outbox_item SET ${names.map((name) => `${name} = ?`).join(', ')}, updated_at = ? WHERE id = ?`);
    const now = this.now();
    this.db.transaction(() => {
      for (const id of ids) statement.run(...names.map((name) => changes[name] ?? null), now, id);
    })();
  }

  /** Each item with its own values (e.g. KSeF numbers of a batch), one transaction. */
  transitionEach(updates: readonly { id: string; state: OutboxState; note?: string; changes: Partial<Record<ItemColumn, string | number | null>> }[]): void {
    this.db.transaction(() => {
      for (const update of updates) this.transition([update.id], update.state, update.note, update.changes);
    })();
  }

  replaceXml(id: string, xml: Buffer, hash: string, summary: InvoiceSummary): void {
    this.journal([id], {
      hash, size: xml.length, kind: summary.kind, invoice_number: summary.invoiceNumber, issue_date: summary.issueDate, seller_nip: summary.sellerNip,
      buyer_name: summary.buyerName, buyer_identifier: summary.buyerIdentifier, gross_total: summary.grossTotal, currency: summary.currency,
    });
    this.db.prepare('UPDATE outbox_item SET xml = ? WHERE id = ?').run(xml, id);
  }

  // Sessions ---------------------------------------------------------------------------------------------------

  createSession(kind: SendMode, contextNip: string, environment: string, step: string): SessionRow {
    const id = randomUUID();
    const now = this.now();
    this.db.prepare('INSERT INTO outbox_session (id, kind, context_nip, environment, step, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, kind, contextNip, environment, step, now, now);
    return { id, kind, contextNip, environment, referenceNumber: null, step };
  }

  updateSession(id: string, changes: { step: string; referenceNumber?: string }): void {
    if (changes.referenceNumber !== undefined) {
      this.db.prepare('UPDATE outbox_session SET step = ?, reference_number = ?, updated_at = ? WHERE id = ?').run(changes.step, changes.referenceNumber, this.now(), id);
    } else {
      this.db.prepare('UPDATE outbox_session SET step = ?, updated_at = ? WHERE id = ?').run(changes.step, this.now(), id);
    }
  }

  session(id: string): SessionRow | null {
    const row = this.db.prepare('SELECT id, kind, context_nip, environment, reference_number, step FROM outbox_session WHERE id = ?').get(id) as
      | { id: string; kind: SendMode; context_nip: string; environment: string; reference_number: string | null; step: string }
      | undefined;
    return row ? { id: row.id, kind: row.kind, contextNip: row.context_nip, environment: row.environment, referenceNumber: row.reference_number, step: row.step } : null;
  }

  /** Online sessions that were opened and never closed (e.g. the process died). */
  openOnlineSessions(contextNip: string, environment: string): SessionRow[] {
    const rows = this.db
      .prepare("SELECT id FROM outbox_session WHERE kind = 'online' AND step = 'open' AND context_nip = ? AND environment = ? AND reference_number IS NOT NULL")
      .all(contextNip, environment) as { id: string }[];
    return rows.map((row) => this.session(row.id)).filter((s): s is SessionRow => s !== null);
  }

  saveUpoPage(sessionRef: string, upoRef: string, xml: string): void {
    this.db.prepare('INSERT OR REPLACE INTO outbox_upo_page (session_ref, upo_ref, xml) VALUES (?, ?, ?)').run(sessionRef, upoRef, xml);
  }

  setUpo(id: string, xml: string): void {
    this.db.prepare('UPDATE outbox_item SET upo_xml = ?, updated_at = ? WHERE id = ?').run(xml, this.now(), id);
  }
}

