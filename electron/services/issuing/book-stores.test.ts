import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VAT_RATES } from '../../../shared/domain/invoice/codes';
import { openDatabase, type SqliteDatabase } from '../storage/database';
import { ContractorStore } from './contractor-store';
import { ISSUING_MIGRATIONS } from './migrations';
import { ProductStore } from './product-store';
import { testContractor, testProduct } from '../../../shared/domain/issuing/testing/form-fixtures';

/** The books as a user edits them by hand: main refuses what the editors refuse, and names the field. */
const NIP = '5265877635';
const opened: SqliteDatabase[] = [];

function database() {
  const db = openDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'ksef-books-')), 'db.sqlite'), ISSUING_MIGRATIONS);
  opened.push(db);
  return () => db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const refused = (code: string, details: string[]) => expect.objectContaining({ code, details });

describe('ContractorStore, entries added and edited by hand', () => {
  const buyer = testContractor();

  it('refuses a malformed e-mail, an unknown address country and a non-EU country for an EU VAT number', () => {
    const contractors = new ContractorStore(database());
    expect(() => contractors.save(NIP, { ...buyer, email: 'biuro@nowak' })).toThrow(refused('INVALID_INPUT', ['email:EMAIL_FORMAT']));
    expect(() => contractors.save(NIP, { ...buyer, address: { ...buyer.address, countryCode: 'QQ' } })).toThrow(refused('INVALID_INPUT', ['addressCountry:COUNTRY']));
    expect(() => contractors.save(NIP, { ...buyer, identifierType: 'EU_VAT', identifier: '123456789', identifierCountry: 'NO' })).toThrow(
      refused('INVALID_INPUT', ['identifierCountry:EU_COUNTRY']),
    );
    expect(() => contractors.save(NIP, { ...buyer, identifierType: 'FOREIGN', identifier: 'X1', identifierCountry: 'ZZ' })).toThrow(refused('INVALID_INPUT', ['identifierCountry:COUNTRY']));
    expect(() => contractors.save(NIP, { ...buyer, identifier: '7171642052', email: 'x' })).toThrow(refused('INVALID_NIP', ['identifier:NIP_CHECKSUM', 'email:EMAIL_FORMAT']));
    expect(contractors.list(NIP)).toEqual([]);
  });

  it('adds a new entry only when asked to: a NIP already in the book is ALREADY_EXISTS and the entry stays as it was', () => {
    const contractors = new ContractorStore(database());
    const first = contractors.save(NIP, buyer, { asNew: true });
    expect(() => contractors.save(NIP, { ...buyer, identifier: '717-164-20-51', name: 'Inny' }, { asNew: true })).toThrow(refused('ALREADY_EXISTS', ['identifier:DUPLICATE']));
    expect(contractors.list(NIP)).toEqual([expect.objectContaining({ id: first.id, name: 'Nowak Handel' })]);
    // The same NIP in another company's book is another entry.
    expect(contractors.save('7171642051', buyer, { asNew: true }).id).not.toBe(first.id);
  });

  it('tells consumers apart by name', () => {
    const contractors = new ContractorStore(database());
    const consumer = { ...buyer, identifierType: 'NONE' as const, identifier: '', name: 'Jan Klient' };
    contractors.save(NIP, consumer, { asNew: true });
    expect(() => contractors.save(NIP, { ...consumer, name: 'jan klient' }, { asNew: true })).toThrow(refused('ALREADY_EXISTS', ['name:DUPLICATE']));
  });

  it('edits an entry by id, also its identifier, but not to one another entry has', () => {
    const contractors = new ContractorStore(database());
    const nowak = contractors.save(NIP, buyer, { asNew: true });
    const other = contractors.save(NIP, { ...buyer, identifier: NIP, name: 'Kowalski' }, { asNew: true });
    const renamed = contractors.save(NIP, { ...buyer, id: nowak.id, name: 'Nowak Handel Sp. z o.o.', email: '' });
    expect(renamed).toMatchObject({ id: nowak.id, name: 'Nowak Handel Sp. z o.o.', email: '' });
    const german = contractors.save(NIP, { ...buyer, id: nowak.id, identifierType: 'EU_VAT', identifier: 'DE123456789', identifierCountry: 'DE' });
    expect(german).toMatchObject({ id: nowak.id, identifier: '123456789', identifierCountry: 'DE' });
    expect(() => contractors.save(NIP, { ...buyer, id: nowak.id, identifier: NIP })).toThrow(refused('ALREADY_EXISTS', ['identifier:DUPLICATE']));
    expect(contractors.list(NIP).map((entry) => [entry.id, entry.identifier])).toEqual([
      [other.id, NIP],
      [nowak.id, '123456789'],
    ]);
  });
});

describe('ProductStore, entries added and edited by hand', () => {
  const products = () => new ProductStore(database(), (rate) => (VAT_RATES as readonly string[]).includes(rate));
  const input = testProduct({ name: 'Hosting', unit: 'mies.', rate: '8', pkwiu: '63.11.13.0' });

  it('refuses a price, rate, GTU or PKWiU the editor would not take, naming each field', () => {
    const list = products();
    expect(() => list.save(NIP, { ...input, price: '123456789012345', rate: '19', gtu: 'GTU_14', pkwiu: 'x'.repeat(33) })).toThrow(
      refused('INVALID_INPUT', ['price:PRICE_FORMAT', 'rate:RATE', 'pkwiu:TOO_LONG', 'gtu:GTU']),
    );
    expect(list.list(NIP)).toEqual([]);
  });

  it('adds a new name only when asked to, and does not rename one entry to another’s name', () => {
    const list = products();
    const hosting = list.save(NIP, input, { asNew: true });
    expect(() => list.save(NIP, { ...input, name: 'HOSTING', price: '1.00' }, { asNew: true })).toThrow(refused('ALREADY_EXISTS', ['name:DUPLICATE']));
    const domain = list.save(NIP, { ...input, name: 'Domena', gtu: 'GTU_12' }, { asNew: true });
    expect(() => list.save(NIP, { ...input, id: domain.id, name: 'hosting' })).toThrow(refused('ALREADY_EXISTS', ['name:DUPLICATE']));
    const edited = list.save(NIP, { ...input, id: hosting.id, name: 'Hosting WWW', priceMode: 'gross', price: '99.9' });
    expect(edited).toMatchObject({ id: hosting.id, name: 'Hosting WWW', priceMode: 'gross', price: '99.9' });
    expect(list.list(NIP).map((entry) => [entry.name, entry.price, entry.gtu])).toEqual([
      ['Domena', '1234.50', 'GTU_12'],
      ['Hosting WWW', '99.9', ''],
    ]);
  });

  it('keeps the Annex 15 mark, and reads entries saved before it existed as unmarked', () => {
    const db = database();
    const list = new ProductStore(db, (rate) => (VAT_RATES as readonly string[]).includes(rate));
    list.save(NIP, { ...input, name: 'Stal zbrojeniowa', annex15: true });
    const { annex15: _annex15, ...older } = { ...input, id: 'older-entry', name: 'Cement', updatedAt: '2026-01-01T00:00:00.000Z' };
    db()
      .prepare('INSERT INTO issuing_products (id, company_nip, name, data, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(older.id, NIP, older.name, JSON.stringify(older), older.updatedAt);
    expect(list.list(NIP).map((entry) => [entry.name, entry.annex15])).toEqual([
      ['Cement', false],
      ['Stal zbrojeniowa', true],
    ]);
  });
});
