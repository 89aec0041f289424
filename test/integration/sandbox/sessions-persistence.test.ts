import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../electron/sandbox/index';
import { FakeClock } from '../../../electron/sandbox/server/clock';
import type { SessionRecord } from '../../../electron/sandbox/sessions/types';
import { buildTestInvoice, invoiceStatus, openOnlineSession, sendInvoice, sessionStatus, waitFor } from '../../helpers/invoice-builder';
import { loginWithKsefToken } from '../../helpers/sandbox-auth';

const SELLER = { type: 'Nip', value: '5265877635' } as const;

describe('sandbox: sessions across a restart (state file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksef-sessions-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps sessions, invoices and presigned UPO links; work cut off by the restart ends as 550', async () => {
    const stateFile = join(dir, 'state.json');
    const clock = new FakeClock('2026-03-02T08:00:00.000Z');
    const first = await startSandbox({ stateFile, clock, limits: 'off' });
    const bearer = (await loginWithKsefToken(first, SELLER)).accessToken.token;
    const session = await openOnlineSession(first, bearer);
    const sent = await sendInvoice(first, bearer, session, buildTestInvoice({ sellerNip: SELLER.value, invoiceNumber: 'FV/PERSIST/1', issueDate: '2026-03-02' }));
    const reference = (sent.body as { referenceNumber: string }).referenceNumber;
    const accepted = await waitFor(() => invoiceStatus(first, bearer, session.referenceNumber, reference), (s) => s.status.code === 200);
    // Simulate an invoice still in processing when the sandbox stopped.
    const record = first.deps.store.slice<Record<string, SessionRecord>>('sessions', () => ({}))[session.referenceNumber];
    record?.invoices.push({ ...(record.invoices[0] as SessionRecord['invoices'][number]), ordinalNumber: 2, referenceNumber: '20260302-EE-0000000000-0000000000-00', status: { code: 100, description: 'x' } });
    await first.close();

    const second = await startSandbox({ stateFile, clock, limits: 'off' });
    try {
      const relogged = (await loginWithKsefToken(second, SELLER)).accessToken.token;
      const upoUrl = new URL(accepted.upoDownloadUrl ?? '');
      upoUrl.port = String(second.port);
      const upo = await fetch(upoUrl);
      expect(upo.status).toBe(200);
      expect(await upo.text()).toContain(accepted.ksefNumber);
      const interrupted = await invoiceStatus(second, relogged, session.referenceNumber, '20260302-EE-0000000000-0000000000-00');
      expect(interrupted.status.code).toBe(550);
      expect((await sessionStatus(second, relogged, session.referenceNumber)).status.code).toBe(100);
    } finally {
      await second.close();
    }
  });
});
