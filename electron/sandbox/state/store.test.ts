import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deserializeState, serializeState } from './serialization';
import { SandboxStore } from './store';

describe('state serialization', () => {
  it('round-trips Buffers nested anywhere', () => {
    const value = { a: Buffer.from([0, 1, 2, 255]), list: [{ b: Buffer.from('hello') }], text: 'x' };
    const back = deserializeState(serializeState(value)) as typeof value;
    expect(Buffer.isBuffer(back.a)).toBe(true);
    expect(back.a.equals(value.a)).toBe(true);
    expect(back.list[0]?.b.toString()).toBe('hello');
    expect(serializeState(value)).toContain('"$base64":"AAEC/w=="');
  });
});

describe('SandboxStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksef-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates slices once and persists them atomically to a private file on flush', () => {
    const path = join(dir, 'state.json');
    const store = SandboxStore.persistent(path);
    const invoices = store.slice<Record<string, { xml: Buffer }>>('invoices', () => ({}));
    invoices.one = { xml: Buffer.from('<Faktura/>') };
    expect(store.slice('invoices', () => ({ other: true }))).toBe(invoices);
    store.changed();
    store.flush();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toHaveProperty('invoices.one.xml.$base64');

    const reloaded = SandboxStore.persistent(path);
    expect(reloaded.slice<Record<string, { xml: Buffer }>>('invoices', () => ({})).one?.xml.toString()).toBe('<Faktura/>');
  });

  it('an in-memory store never writes', () => {
    const store = SandboxStore.inMemory();
    store.slice('x', () => 1);
    store.changed();
    store.flush();
    expect(store.persistent).toBe(false);
  });
});
