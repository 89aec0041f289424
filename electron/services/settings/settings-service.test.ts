import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../ipc/handlers';
import { createConfEngine } from './conf-engine';
import { SettingsService } from './settings-service';
import { SettingsStore } from './settings-store';

function service(profileDir = mkdtempSync(path.join(os.tmpdir(), 'settings-'))) {
  const events = new EventBus();
  const published: unknown[] = [];
  events.subscribe((_event, payload) => published.push(payload));
  return { settings: new SettingsService(new SettingsStore(createConfEngine(profileDir)), events), profileDir, published };
}

describe('SettingsService', () => {
  it('starts a fresh profile on the sandbox in Polish', () => {
    expect(service().settings.get()).toEqual({ environment: 'sandbox', language: 'pl' });
  });

  it('stores changes in a 0600 file that a new instance reads back, and announces them', () => {
    const { settings, profileDir, published } = service();
    settings.update({ language: 'en', environment: 'test' });
    const file = path.join(profileDir, 'settings.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ environment: 'test', language: 'en' });
    expect(service(profileDir).settings.get()).toEqual({ environment: 'test', language: 'en' });
    expect(published).toEqual([{ environment: 'test', language: 'en' }]);
  });

  it('refuses production without confirmation and leaves the setting unchanged', () => {
    const { settings } = service();
    expect(() => settings.update({ environment: 'production' })).toThrow(expect.objectContaining({ code: 'CONFIRMATION_REQUIRED' }));
    expect(settings.get().environment).toBe('sandbox');
    expect(settings.update({ environment: 'production', confirmProduction: true }).environment).toBe('production');
  });

  it('repairs a hand-edited file field by field instead of failing', () => {
    const profileDir = mkdtempSync(path.join(os.tmpdir(), 'settings-'));
    writeFileSync(path.join(profileDir, 'settings.json'), JSON.stringify({ environment: 'mars', language: 'en' }));
    expect(new SettingsStore({ store: JSON.parse(readFileSync(path.join(profileDir, 'settings.json'), 'utf8')), set: () => undefined }).read()).toEqual({
      environment: 'sandbox',
      language: 'en',
    });
  });
});
