import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompaniesState } from '../../../shared/ipc/channels/companies';
import { COMPANIES_FILE, CompanyStore } from './company-store';

const profile = () => mkdtempSync(path.join(os.tmpdir(), 'companies-'));

describe('CompanyStore', () => {
  it('adds (first one selected), selects, removes and persists to a 0600 file', async () => {
    const dir = profile();
    const changes: CompaniesState[] = [];
    const store = new CompanyStore(dir, { now: () => new Date('2026-01-01T00:00:00Z') }, (state) => changes.push(state));
    expect(await store.list()).toEqual({ companies: [], selectedNip: null });
    await store.add('5265877635', 'Kowalski Usługi');
    const state = await store.add('7680002466', 'Biuro Nowak');
    expect(state.selectedNip).toBe('5265877635');
    expect(state.companies.map((company) => company.nip)).toEqual(['5265877635', '7680002466']);
    expect(statSync(path.join(dir, COMPANIES_FILE)).mode & 0o777).toBe(0o600);

    await store.select('7680002466');
    expect((await new CompanyStore(dir).list()).selectedNip).toBe('7680002466');
    expect((await store.remove('7680002466')).selectedNip).toBe('5265877635');
    expect(changes).toHaveLength(4);
  });

  it('refuses an invalid NIP, a duplicate and unknown companies', async () => {
    const store = new CompanyStore(profile());
    await expect(store.add('5265877636', 'Bad checksum')).rejects.toMatchObject({ code: 'INVALID_NIP' });
    await store.add('5265877635', 'Kowalski');
    await expect(store.add('5265877635', 'Again')).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await expect(store.select('7680002466')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.remove('7680002466')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports a damaged file as STORAGE_ERROR instead of crashing', async () => {
    const dir = profile();
    writeFileSync(path.join(dir, COMPANIES_FILE), '{"version":1,"companies":[{"nip":"123"}]}');
    await expect(new CompanyStore(dir).list()).rejects.toMatchObject({ code: 'STORAGE_ERROR' });
    writeFileSync(path.join(dir, COMPANIES_FILE), 'not json');
    await expect(new CompanyStore(dir).list()).rejects.toMatchObject({ code: 'STORAGE_ERROR' });
  });
});
