import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateEntry } from '../../../shared/ipc/channels/certificates';
import type { KsefCertificateLimits, KsefCertificateList } from '../../../shared/ipc/channels/ksef-certificates';
import type { Channel } from '../../../shared/ipc/contract';
import { startAppWithSandbox, type AppWithSandbox } from '../../../test/helpers/app-with-sandbox';
import type { AppCore } from '../app/app-core';
import { KsefCertificatesApi } from '../ksef';

const NIP = '5265877635';

/** ksefCertificates:* through the IPC table against the sandbox over HTTP: list, limits, revoke, and the local list following KSeF. */
describe('KSeF certificates: list, limits, revoke', () => {
  let app: AppWithSandbox;
  let root: AppCore;
  let events: string[] = [];
  let testCertificateId = '';
  let enrolled: CertificateEntry;
  let limitsBefore: KsefCertificateLimits;

  const call = (channel: Channel, request: unknown) => app.call(channel, request);
  const list = (request: object = {}): Promise<KsefCertificateList> => call('ksefCertificates:list', request);
  const localEntry = async (id: string): Promise<CertificateEntry | undefined> =>
    ((await call('certificates:list', {})) as CertificateEntry[]).find((entry) => entry.id === id);
  const signInWithTestCertificate = () => call('auth:login', { nip: NIP, method: { kind: 'certificate', certificateId: testCertificateId } });

  beforeAll(async () => {
    app = await startAppWithSandbox({ profilePrefix: 'ksef-certificates-', company: { nip: NIP, name: 'Kowalski Usługi' } });
    root = app.root;
    events = app.events;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('needs a KSeF session for all three', async () => {
    await expect(list()).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    await expect(call('ksefCertificates:limits', {})).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    await expect(call('ksefCertificates:revoke', { serialNumber: '0123456789ABCDEF' })).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    await expect(call('ksefCertificates:revoke', { serialNumber: 'not-a-serial' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('enrolls: the certificate is listed Active, linked to the local copy, and the limits go down by one', async () => {
    testCertificateId = ((await call('certificates:createTest', { subject: { kind: 'person', nip: NIP, givenName: 'Jan', surname: 'Testowy' } })) as CertificateEntry).id;
    await signInWithTestCertificate();
    limitsBefore = await call('ksefCertificates:limits', {});
    expect(limitsBefore).toEqual({ canRequest: true, enrollment: { remaining: 300, limit: 300 }, certificate: { remaining: 100, limit: 100 } });
    expect(await list()).toEqual({ certificates: [], truncated: false });

    enrolled = await call('certificates:enroll', { certificateType: 'Authentication' });
    const listed = await list();
    expect(listed.certificates).toEqual([
      expect.objectContaining({ serialNumber: enrolled.serialNumber, type: 'Authentication', status: 'Active', localCertificateId: enrolled.id }),
    ]);
    expect(listed.certificates[0]?.serialNumber).toMatch(/^[0-9A-F]{16}$/);
    expect(await call('ksefCertificates:limits', {})).toEqual({ canRequest: true, enrollment: { remaining: 299, limit: 300 }, certificate: { remaining: 99, limit: 100 } });
    expect((await list({ status: 'Revoked' })).certificates).toEqual([]);
  });

  it('after a token sign-in lists and shows limits (KSeF allows it) but refuses to revoke', async () => {
    const token = (await call('tokens:create', { description: 'Program księgowy', permissions: ['InvoiceRead'] })) as { savedTokenId: string };
    await call('auth:login', { nip: NIP, method: { kind: 'token', savedTokenId: token.savedTokenId } });
    expect((await list()).certificates.map((item) => item.serialNumber)).toContain(enrolled.serialNumber);
    expect(await call('ksefCertificates:limits', {})).toMatchObject({ certificate: { limit: 100 } });
    await expect(call('ksefCertificates:revoke', { serialNumber: enrolled.serialNumber })).rejects.toMatchObject({ code: 'REQUIRES_CERTIFICATE_LOGIN' });
    expect((await localEntry(enrolled.id))?.status).toBe('valid');
  });

  it('revokes: KSeF lists it Revoked, the local copy is revoked and refused for sign-in before KSeF is asked', async () => {
    await signInWithTestCertificate();
    events.length = 0;
    expect(await call('ksefCertificates:revoke', { serialNumber: enrolled.serialNumber.toLowerCase(), reason: 'Superseded' })).toEqual({ done: true });
    expect(events).toContain('certificates:changed');
    expect((await list()).certificates).toEqual([expect.objectContaining({ serialNumber: enrolled.serialNumber, status: 'Revoked', localCertificateId: enrolled.id })]);
    expect(await localEntry(enrolled.id)).toMatchObject({ status: 'revoked', canSignIn: false, revokedAt: expect.any(String) });
    await expect(call('auth:login', { nip: NIP, method: { kind: 'certificate', certificateId: enrolled.id } })).rejects.toMatchObject({
      code: 'CANNOT_SIGN_IN_WITH_CERTIFICATE',
      details: ['revoked'],
    });
    // The failed sign-in kept the session; an active slot is free again, the spent request is not.
    expect(await call('ksefCertificates:limits', {})).toEqual({ canRequest: true, enrollment: { remaining: 299, limit: 300 }, certificate: { remaining: 100, limit: 100 } });
  });

  it('explains KSeF refusals: already revoked, unknown serial', async () => {
    await expect(call('ksefCertificates:revoke', { serialNumber: enrolled.serialNumber })).rejects.toMatchObject({ code: 'KSEF_CERTIFICATE_NOT_ACTIVE' });
    await expect(call('ksefCertificates:revoke', { serialNumber: '0123456789ABCDEF' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a revocation made elsewhere (another app, the KSeF web app) reaches the local list on the next KSeF list', async () => {
    const offline = (await call('certificates:enroll', { certificateType: 'Offline' })) as CertificateEntry;
    await new KsefCertificatesApi(root.account.auth.requireSession().session).revoke(offline.serialNumber, 'KeyCompromise');
    expect((await localEntry(offline.id))?.status).toBe('valid');
    events.length = 0;
    const listed = await list();
    expect(listed.certificates.find((item) => item.serialNumber === offline.serialNumber)).toMatchObject({ type: 'Offline', status: 'Revoked' });
    expect((await localEntry(offline.id))?.status).toBe('revoked');
    expect(events).toEqual(['certificates:changed']);
  });
});
