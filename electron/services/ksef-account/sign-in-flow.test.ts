import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../shared/ipc/contract';
import { startAppWithSandbox, type AppWithSandbox } from '../../../test/helpers/app-with-sandbox';
import type { AppCore } from '../app/app-core';

const NIP = '5265877635';
const OTHER_NIP = '7680002466';

/** The whole sign-in feature through the IPC table, against the sandbox over HTTP. */
describe('sign-in, tokens, permissions and enrollment against the sandbox', () => {
  let app: AppWithSandbox;
  let root: AppCore;
  let profileDir: string;
  let events: string[] = [];

  const call = (channel: Channel, request: unknown) => app.call(channel, request);

  beforeAll(async () => {
    app = await startAppWithSandbox({ profilePrefix: 'sign-in-flow-', company: { nip: NIP, name: 'Kowalski Usługi' } });
    ({ root, profileDir } = app);
    events = app.events;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses session work before sign-in', async () => {
    expect(await call('auth:status', {})).toEqual({ environment: 'sandbox', session: null });
    await expect(call('tokens:list', {})).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    await expect(call('auth:login', { nip: NIP, method: { kind: 'certificate' } })).rejects.toMatchObject({ code: 'NO_DEFAULT_CERTIFICATE' });
  });

  it('signs in with a test certificate and says who, where and how', async () => {
    await call('certificates:createTest', { subject: { kind: 'person', nip: NIP, givenName: 'Jan', surname: 'Testowy' } });
    const status = await call('auth:login', { nip: NIP, method: { kind: 'certificate' } });
    expect(status).toMatchObject({
      environment: 'sandbox',
      session: { contextNip: NIP, companyName: 'Kowalski Usługi', method: 'certificate', who: 'Jan Testowy', identifier: { type: 'Nip', value: NIP } },
    });
    expect(events).toContain('auth:changed');
  });

  it('maps "no permissions in that context" to its own code and keeps the current session', async () => {
    await expect(call('auth:login', { nip: OTHER_NIP, method: { kind: 'certificate' } })).rejects.toMatchObject({ code: 'NO_DEFAULT_CERTIFICATE' });
    const certificates = (await call('certificates:list', {})) as Array<{ id: string }>;
    await expect(call('auth:login', { nip: OTHER_NIP, method: { kind: 'certificate', certificateId: certificates[0]!.id } })).rejects.toMatchObject({
      code: 'KSEF_NO_PERMISSIONS',
    });
    expect(await call('auth:status', {})).toMatchObject({ session: { contextNip: NIP } });
  });

  it('creates a token (secret once, kept encrypted), signs in with it, and revokes it', async () => {
    const created = (await call('tokens:create', { description: 'Program księgowy', permissions: ['InvoiceRead', 'InvoiceWrite'] })) as {
      referenceNumber: string;
      token: string;
      savedTokenId: string;
    };
    expect(created.token).toContain(`nip-${NIP}`);
    const saved = (await call('tokens:listSaved', {})) as Array<Record<string, unknown>>;
    expect(saved).toEqual([expect.objectContaining({ id: created.savedTokenId, contextNip: NIP, environment: 'sandbox' })]);
    expect(JSON.stringify(saved)).not.toContain(created.token);
    // At rest: metadata without the secret, the secret only encrypted with the key-store passphrase.
    const tokenDir = path.join(profileDir, 'tokens');
    for (const file of readdirSync(tokenDir)) expect(readFileSync(path.join(tokenDir, file)).toString('latin1')).not.toContain(created.token.split('|')[2]);
    const listed = (await call('tokens:list', {})) as Array<{ referenceNumber: string; savedTokenId?: string }>;
    expect(listed.find((token) => token.referenceNumber === created.referenceNumber)?.savedTokenId).toBe(created.savedTokenId);

    const byToken = await call('auth:login', { nip: NIP, method: { kind: 'token', savedTokenId: created.savedTokenId } });
    expect(byToken).toMatchObject({ session: { method: 'token', who: 'Program księgowy', savedTokenId: created.savedTokenId } });
    await expect(call('certificates:enroll', { certificateType: 'Authentication' })).rejects.toMatchObject({ code: 'REQUIRES_CERTIFICATE_LOGIN' });

    await call('auth:login', { nip: NIP, method: { kind: 'certificate' } });
    await call('tokens:revoke', { referenceNumber: created.referenceNumber });
    expect(await call('tokens:listSaved', {})).toEqual([]);
  });

  it('grants, lists and revokes a bookkeeper permission', async () => {
    const granted = await call('permissions:grant', {
      subject: { type: 'Pesel', value: '44051401359' },
      permissions: ['InvoiceRead'],
      firstName: 'Anna',
      lastName: 'Nowak',
    });
    expect(granted).toMatchObject({ state: 'done' });
    const grants = (await call('permissions:list', {})) as Array<{ id: string; subject: { value: string }; permission: string }>;
    const grant = grants.find((item) => item.subject.value === '44051401359');
    expect(grant).toMatchObject({ permission: 'InvoiceRead' });
    expect(await call('permissions:revoke', { permissionId: grant!.id })).toMatchObject({ state: 'done' });
    const after = (await call('permissions:list', {})) as Array<{ subject: { value: string } }>;
    expect(after.some((item) => item.subject.value === '44051401359')).toBe(false);
  });

  it('enrolls a KSeF certificate with progress events and signs in with it', async () => {
    const progress: unknown[] = [];
    root.events.subscribe((event, payload) => event === 'certificates:enrollmentProgress' && progress.push(payload));
    const entry = (await call('certificates:enroll', { certificateType: 'Authentication', keyAlgorithm: 'ec' })) as { id: string; source: string; ksefCertificateType: string };
    expect(entry).toMatchObject({ source: 'ksef', ksefCertificateType: 'Authentication' });
    expect(progress.map((item) => (item as { stage: string }).stage)).toEqual(expect.arrayContaining(['preparing', 'waiting', 'retrieving', 'done']));
    expect(await call('auth:login', { nip: NIP, method: { kind: 'certificate', certificateId: entry.id } })).toMatchObject({ session: { certificateId: entry.id } });
  });

  it('writes a signed AuthTokenRequest with a fresh challenge', async () => {
    const certificates = (await call('certificates:list', {})) as Array<{ id: string }>;
    const xml = await root.account.auth.signAuthTokenRequest(NIP, certificates[0]!.id);
    expect(xml).toContain('<AuthTokenRequest');
    expect(xml).toContain(`<Nip>${NIP}</Nip>`);
    expect(xml).toContain('SignatureValue');
  });

  it('signs out', async () => {
    expect(await call('auth:logout', {})).toEqual({ environment: 'sandbox', session: null });
  });
});
