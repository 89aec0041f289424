import { describe, expect, it, vi } from 'vitest';
import { buildKsefApi } from './build-api';
import { CHANNELS } from './contract';

describe('buildKsefApi', () => {
  it('exposes one function per contract channel, grouped by domain, and nothing else', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: null }));
    const api = buildKsefApi({ invoke, subscribe: () => () => undefined }) as unknown as Record<string, Record<string, (r: unknown) => Promise<unknown>>>;
    const exposed = Object.entries(api)
      .filter(([domain]) => domain !== 'events')
      .flatMap(([domain, actions]) => Object.keys(actions).map((action) => `${domain}:${action}`));
    expect(exposed.sort()).toEqual([...CHANNELS].sort());
    await api.settings!.get!({});
    expect(invoke).toHaveBeenCalledWith('settings:get', {});
  });
});
