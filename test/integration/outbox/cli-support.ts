/** The `ksef-desk send` CLI as a child process (tsx from source) against a sandbox that outlives it. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKsefToken } from '../../../electron/sandbox/auth/ksef-token-store';
import { invoiceArchive } from '../../../electron/sandbox/invoices/archive';
import type { RunningSandbox } from '../../../electron/sandbox/index';
import { buildTestInvoice } from '../../../electron/sandbox/sessions/client-kit';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = path.join(REPO, 'electron/cli/index.ts');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runSend(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A token file with InvoiceWrite for `nip`, issued by the sandbox. */
export function tokenFile(sandbox: RunningSandbox, nip: string, dir: string): string {
  const token = createKsefToken(
    sandbox.deps.store,
    { context: { type: 'Nip', value: nip }, author: { type: 'Nip', value: nip }, permissions: ['InvoiceWrite', 'InvoiceRead'], description: 'outbox crash test' },
    sandbox.deps.clock.now(),
  );
  const file = path.join(dir, 'token.txt');
  writeFileSync(file, token.token, { mode: 0o600 });
  return file;
}

export function invoiceFiles(nip: string, prefix: string, count: number): { dir: string; files: string[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'outbox-cli-'));
  const files = Array.from({ length: count }, (_, index) => {
    const file = path.join(dir, `${prefix.replace(/\W/g, '_')}-${index + 1}.xml`);
    writeFileSync(file, buildTestInvoice({ sellerNip: nip, invoiceNumber: `${prefix}/${index + 1}` }));
    return file;
  });
  return { dir, files };
}

/** How many times KSeF (the sandbox) accepted each invoice number of `prefix`. */
export function acceptedCounts(sandbox: RunningSandbox, nip: string, prefix: string): number[] {
  const counts = new Map<string, number>();
  for (const stored of Object.values(invoiceArchive(sandbox.deps.store).byKsefNumber)) {
    if (stored.facts.seller.nip === nip && stored.facts.invoiceNumber.startsWith(`${prefix}/`)) {
      counts.set(stored.facts.invoiceNumber, (counts.get(stored.facts.invoiceNumber) ?? 0) + 1);
    }
  }
  return [...counts.values()];
}
