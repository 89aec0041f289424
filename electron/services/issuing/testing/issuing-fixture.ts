/** Issuing services on a temporary profile database, with the real XML writer and a fake outbox, for service tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_SELLER_NIP, testForm, testSeller } from '../../../../shared/domain/issuing/testing/form-fixtures';
import type { IssueFormValues } from '../../../../shared/ipc/channels/issue';
import { getFa3Validator } from '../../invoices/validation';
import { writeInvoiceXml } from '../../invoices/xml';
import { ProfileDatabase } from '../../storage/profile-database';
import { createIssuingServices, type IssuingOutbox, type IssuingServices } from '..';

export type SchemaError = { path: string; message: string; messagePl: string };

interface OutboxEntry {
  xml: string;
  state: string;
  ksefNumber: string | null;
}

/** The app's mode as the fake outbox sees it: 'offline' makes every new entry offline, as a detected outage does. */
type AppMode = 'online' | 'offline';

/** An outbox with states: entries are queued when added or resent; a test accepts or rejects them as KSeF would. */
export class FakeOutbox implements IssuingOutbox {
  readonly entries: OutboxEntry[] = [];
  /** Ids put back in the queue by a resend, in order. */
  readonly resent: string[] = [];

  appMode: AppMode = 'online';

  enqueue = async ({ xml, mode }: { xml: Buffer; mode?: 'offline' }) => {
    const state = mode === 'offline' || this.appMode === 'offline' ? 'offline' : 'queued';
    this.entries.push({ xml: xml.toString('utf8'), state, ksefNumber: null });
    return { id: `outbox-${this.entries.length}`, state };
  };

  xml = (id: string) => Buffer.from(this.entry(id).xml, 'utf8');

  get = (id: string) => {
    const { ksefNumber, state } = this.entry(id);
    return { ksefNumber, state };
  };

  resend = async (id: string, xml: Buffer) => {
    const entry = this.entry(id);
    if (entry.state !== 'rejected') throw new Error(`resend of a ${entry.state} entry`);
    entry.xml = xml.toString('utf8');
    entry.state = 'queued';
    this.resent.push(id);
  };

  accept(id: string, ksefNumber: string): void {
    Object.assign(this.entry(id), { state: 'accepted', ksefNumber });
  }

  setState(id: string, state: string): void {
    this.entry(id).state = state;
  }

  private entry(id: string): OutboxEntry {
    const entry = this.entries[Number(id.split('-')[1]) - 1];
    if (!entry) throw new Error(`no entry ${id}`);
    return entry;
  }
}

export interface IssuingFixtureOptions {
  /** 'accept' passes every XML; 'fa3' runs the in-app FA(3) validator. Forced schema errors win over both. */
  validation?: 'accept' | 'fa3';
}

export interface IssuingFixture {
  readonly nip: string;
  readonly database: ProfileDatabase;
  readonly issuing: IssuingServices;
  readonly outbox: FakeOutbox;
  /** While false, the services see no outbox (sending not available in this build). */
  outboxAvailable: boolean;
  /** When not empty, the schema check reports these errors instead of validating. */
  schemaErrors: SchemaError[];
  /** {@link testForm} numbered from the company's default series. */
  form(overrides?: Partial<IssueFormValues>): IssueFormValues;
  /** Closes the database and removes its folder. */
  close(): void;
}

/** A company (NIP 5265877635, 'Kowalski Usługi') with a saved seller profile, ready to issue. */
export function createIssuingFixture(options: IssuingFixtureOptions = {}): IssuingFixture {
  const nip = TEST_SELLER_NIP;
  const profileDir = mkdtempSync(path.join(tmpdir(), 'ksef-issuing-'));
  const database = new ProfileDatabase(profileDir);
  const outbox = new FakeOutbox();
  const fixture = {
    nip,
    database,
    outbox,
    outboxAvailable: true,
    schemaErrors: [] as SchemaError[],
  };
  const issuing = createIssuingServices({
    database,
    companies: { find: async () => ({ nip, name: 'Kowalski Usługi', addedAt: '' }) },
    documents: {
      writeXml: (invoice) => writeInvoiceXml(invoice, { now: () => new Date('2026-03-09T10:00:00Z') }),
      validate: async (xml) => {
        if (fixture.schemaErrors.length > 0) return { valid: false, errors: fixture.schemaErrors };
        return options.validation === 'fa3' ? getFa3Validator().validate(xml) : { valid: true, errors: [] };
      },
    },
    outbox: () => (fixture.outboxAvailable ? outbox : null),
    onChange: () => undefined,
  });
  issuing.profiles.save(testSeller({ nip, name: 'Kowalski Usługi' }));
  return Object.assign(fixture, {
    issuing,
    form: (overrides: Partial<IssueFormValues> = {}) => testForm({ seriesId: issuing.numbering.list(nip)[0]!.id, ...overrides }),
    close: () => {
      database.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  });
}
