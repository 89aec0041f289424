import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testLine } from '../../../shared/domain/issuing/testing/form-fixtures';
import { emptyIssueForm } from '../../../shared/ipc/channels/issue';
import { openDatabase, type SqliteDatabase } from '../storage/database';
import { ContractorStore } from './contractor-store';
import { copyAsNewForm, DraftStore } from './draft-store';
import { ISSUING_MIGRATIONS } from './migrations';
import { ProductStore } from './product-store';
import { blankSellerProfile, SellerProfileStore } from './seller-profile-store';

const NIP = '5265877635';
const opened: SqliteDatabase[] = [];
const address = { line1: 'ul. Prosta 1', line2: '00-001 Warszawa', countryCode: 'PL' };

function open(file = path.join(mkdtempSync(path.join(tmpdir(), 'ksef-issuing-')), 'db.sqlite')) {
  const db = openDatabase(file, ISSUING_MIGRATIONS);
  opened.push(db);
  return { file, db: () => db };
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('DraftStore', () => {
  it('keeps a draft across a new store on the same file, lists it and deletes it', () => {
    const first = open();
    const form = { ...emptyIssueForm(), issueDate: '2026-03-09', buyer: { ...emptyIssueForm().buyer, name: 'Nowak Sp. z o.o.' } };
    form.lines = [testLine()];
    const saved = new DraftStore(first.db).save(NIP, form);
    new DraftStore(first.db).save(NIP, { ...form, notes: 'dopisek' }, saved.id);

    const restarted = new DraftStore(open(first.file).db);
    expect(restarted.list(NIP)).toEqual([expect.objectContaining({ id: saved.id, buyerName: 'Nowak Sp. z o.o.', lineCount: 1, issueDate: '2026-03-09' })]);
    expect(restarted.get(saved.id).form).toEqual({ ...form, notes: 'dopisek' });
    expect(restarted.list('1111111111')).toEqual([]);
    expect(() => restarted.save('1111111111', form, saved.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    restarted.remove(saved.id);
    expect(restarted.list(NIP)).toEqual([]);
    expect(() => restarted.get(saved.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('copies as a new invoice without the number, dates or correction', () => {
    const form = { ...emptyIssueForm(), kind: 'KOR' as const, number: 'KOR/1/03/2026', issueDate: '2026-03-09', saleDate: '2026-03-08' };
    form.correction = { ...form.correction, originalNumber: 'FV/1/03/2026', reason: 'rabat' };
    form.payment = { ...form.payment, method: '6', dueDate: '2026-03-23', paid: true, paidDate: '2026-03-10' };
    const copy = copyAsNewForm(form);
    expect(copy).toMatchObject({ kind: 'VAT', number: '', issueDate: '', saleDate: '', payment: { method: '6', dueDate: '', paid: false } });
    expect(copy.correction.originalNumber).toBe('');
  });
});

describe('ContractorStore', () => {
  const store = () => new ContractorStore(open().db);
  const buyer = { identifierType: 'NIP' as const, identifier: '526-587-76-35', identifierCountry: '', name: 'Kowalski', address, email: '' };

  it('checks the NIP check digit and keeps one entry per identifier', () => {
    const contractors = store();
    expect(() => contractors.save(NIP, { ...buyer, identifier: '5265877636' })).toThrow(expect.objectContaining({ code: 'INVALID_NIP' }));
    const first = contractors.save(NIP, buyer);
    expect(first.identifier).toBe('5265877635');
    const again = contractors.save(NIP, { ...buyer, name: 'Kowalski i Syn' });
    expect(again.id).toBe(first.id);
    expect(contractors.list(NIP)).toEqual([expect.objectContaining({ name: 'Kowalski i Syn' })]);
  });

  it('takes EU VAT numbers with a country prefix, foreign ids and consumers; searches by name or number', () => {
    const contractors = store();
    expect(() => contractors.save(NIP, { ...buyer, identifierType: 'EU_VAT', identifier: '123', identifierCountry: 'DE' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', details: ['identifier:EU_VAT_FORMAT'] }),
    );
    const german = contractors.save(NIP, { ...buyer, identifierType: 'EU_VAT', identifier: 'DE 123456789', identifierCountry: 'DE', name: 'Müller GmbH' });
    expect(german).toMatchObject({ identifier: '123456789', identifierCountry: 'DE' });
    contractors.save(NIP, { ...buyer, identifierType: 'FOREIGN', identifier: '12-3456789', identifierCountry: 'US', name: 'Acme Inc.' });
    contractors.save(NIP, { ...buyer, identifierType: 'NONE', identifier: '', name: 'Jan Klient' });
    expect(contractors.list(NIP).map((entry) => entry.name)).toEqual(['Acme Inc.', 'Jan Klient', 'Müller GmbH']);
    expect(contractors.list(NIP, 'müll').map((entry) => entry.name)).toEqual(['Müller GmbH']);
    expect(contractors.list(NIP, '3456').map((entry) => entry.name)).toEqual(['Müller GmbH', 'Acme Inc.'].sort());
    expect(contractors.list(NIP, '%').map((entry) => entry.name)).toEqual([]);
  });
});

describe('ProductStore and SellerProfileStore', () => {
  it('keeps products by name with a known rate only', () => {
    const products = new ProductStore(open().db, (rate) => ['23', '8', 'zw'].includes(rate));
    const input = { name: 'Konsultacja', unit: 'h', priceMode: 'net' as const, price: '150.00', rate: '23', pkwiu: '', gtu: '', annex15: false };
    expect(() => products.save(NIP, { ...input, rate: '19' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    const first = products.save(NIP, input);
    expect(products.save(NIP, { ...input, name: 'konsultacja', price: '160.00' }).id).toBe(first.id);
    expect(products.list(NIP, 'kons')).toEqual([expect.objectContaining({ price: '160.00' })]);
  });

  it('stores the seller profile with IBAN-checked accounts in electronic form', () => {
    const { db, file } = open();
    const profiles = new SellerProfileStore(db);
    const profile = { ...blankSellerProfile(NIP, 'Kowalski Usługi'), address };
    expect(profiles.get(NIP)).toBeNull();
    expect(() => profiles.save({ ...profile, bankAccounts: [{ iban: 'PL61 1090 1014 0000 0712 1981 2875', bankName: '' }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', details: ['bankAccounts.0.iban'] }),
    );
    profiles.save({ ...profile, bankAccounts: [{ iban: '61 1090 1014 0000 0712 1981 2874', bankName: 'Bank' }] });
    expect(new SellerProfileStore(open(file).db).get(NIP)?.bankAccounts).toEqual([{ iban: '61109010140000071219812874', bankName: 'Bank' }]);
  });
});
