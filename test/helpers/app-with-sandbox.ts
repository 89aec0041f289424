import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel } from '../../shared/ipc/contract';
import { startSandbox, type RunningSandbox } from '../../electron/sandbox';
import { createAppCore, type AppCore } from '../../electron/services/app/app-core';
import { createConfEngine } from '../../electron/services/settings/conf-engine';

export interface AppWithSandbox {
  root: AppCore;
  sandbox: RunningSandbox;
  profileDir: string;
  /** Names of the events main published, in order. */
  events: string[];
  /** One IPC call through the real dispatcher; a failed Result rejects with its code and details. */
  call(channel: Channel, request: unknown): Promise<never>;
  close(): Promise<void>;
}

/**
 * The app's services (as browser mode wires them) on a temp profile, talking to an in-process
 * sandbox over HTTP, with the key store unlocked and one company added.
 */
export async function startAppWithSandbox(options: { profilePrefix: string; company: { nip: string; name: string } }): Promise<AppWithSandbox> {
  const sandbox = await startSandbox({ limits: 'off' });
  const profileDir = mkdtempSync(path.join(os.tmpdir(), options.profilePrefix));
  const root = createAppCore({
    shell: 'browser',
    version: 'test',
    profileDir,
    settingsEngine: createConfEngine(profileDir),
    baseUrlOverride: sandbox.baseUrl,
  });
  const events: string[] = [];
  root.events.subscribe((event) => events.push(event));
  const call = async (channel: Channel, request: unknown): Promise<never> => {
    const result = await root.dispatch(channel, request);
    if (!result.ok) throw Object.assign(new Error(result.error.code), result.error);
    return result.value as never;
  };
  await call('vault:setPassphrase', { passphrase: 'correct horse' });
  await call('companies:add', options.company);
  return {
    root,
    sandbox,
    profileDir,
    events,
    call,
    close: async () => {
      await root.close();
      await sandbox.close();
    },
  };
}
