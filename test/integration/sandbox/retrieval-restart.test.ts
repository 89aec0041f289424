import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../electron/sandbox/index';
import { tuneRetrieval } from '../../../electron/sandbox/retrieval';
import { ksefPackDir } from '../../helpers/ksef-pack';
import { loginWithKsefToken } from '../../helpers/sandbox-auth';
import { downloadPackage, exportStatus, finishedExport, metadataOf, newClientKey, startExport, type ExportStatus } from './retrieval-export-support';
import { daysAgo } from './retrieval-support';

const pack = ksefPackDir();
if (!pack) console.warn('KSeF reference pack not found: skipping retrieval restart tests');

const BUYER = { type: 'Nip', value: '5265877635' } as const;

describe.skipIf(!pack)('sandbox retrieval: exports across a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksef-sandbox-export-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves byte-identical parts of a finished export and finishes an interrupted one after a restart', async () => {
    const stateFile = join(dir, 'state.json');
    const filters = { subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from: daysAgo(70), restrictToPermanentStorageHwmDate: true } };
    const first = await startSandbox({ stateFile, limits: 'off', seedReceived: [{ nip: BUYER.value, count: 25 }] });
    const login = await loginWithKsefToken(first, BUYER, ['InvoiceRead']);
    const key = await newClientKey(first);
    tuneRetrieval(first.deps, { exportPartBytes: 16 * 1024 });
    const done = await finishedExport(first, login.accessToken.token, { encryption: key.encryption, filters });
    tuneRetrieval(first.deps, { exportDelayMs: 600_000 });
    const pending = (await startExport(first, login.accessToken.token, { encryption: key.encryption, filters, onlyMetadata: true })).body as { referenceNumber: string };
    await first.close();

    const second = await startSandbox({ stateFile, limits: 'off', seedReceived: [{ nip: BUYER.value, count: 25 }] });
    try {
      const token = (await loginWithKsefToken(second, BUYER, ['InvoiceRead'])).accessToken.token;
      const again = (await exportStatus(second, token, done.referenceNumber)).body as ExportStatus;
      expect(again.package!.parts.map((part) => part.encryptedPartHash)).toEqual(done.status.package!.parts.map((part) => part.encryptedPartHash));
      expect(again.package!.parts.length).toBeGreaterThanOrEqual(2);
      const files = unzipSync(new Uint8Array(await downloadPackage(again, key)));
      expect(metadataOf(files)).toHaveLength(25);

      let resumed: ExportStatus | undefined;
      for (let attempt = 0; attempt < 100 && resumed?.status.code !== 200; attempt++) {
        resumed = (await exportStatus(second, token, pending.referenceNumber)).body as ExportStatus;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(resumed?.status.code).toBe(200);
      expect(resumed?.package?.invoiceCount).toBe(25);
    } finally {
      await second.close();
    }
  });
});
