import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CertificateEntry } from '../../../../shared/ipc/channels/certificates';
import { kod2Serial, offlineSignerFor, pickOfflineCertificate } from './kod2-signer';

const data = Buffer.from('qr-test.ksef.mf.gov.pl/certificate/Nip/1111111111/1111111111/01F20A5D352AE590/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE');

function entry(overrides: Partial<CertificateEntry>): CertificateEntry {
  return {
    id: 'c1',
    label: 'x',
    source: 'ksef',
    ksefCertificateType: 'Offline',
    defaultFor: [],
    createdAt: '2026-01-01T00:00:00Z',
    subject: 'CN=x',
    issuer: 'CN=KSeF',
    ownerName: 'x',
    nip: '1111111111',
    serialNumber: '1F20A5D352AE590',
    fingerprintSha256: 'AA',
    notBefore: '2026-01-01T00:00:00Z',
    notAfter: '2028-01-01T00:00:00Z',
    keyType: 'EC P-256',
    status: 'valid',
    canSignIn: false,
    ...overrides,
  };
}

describe('choosing the Offline certificate', () => {
  it('takes a valid Offline certificate of the seller, never an Authentication one', () => {
    const entries = [
      entry({ id: 'auth', ksefCertificateType: 'Authentication' }),
      entry({ id: 'revoked', status: 'revoked' }),
      entry({ id: 'other-nip', nip: '5265877635' }),
      entry({ id: 'short', notAfter: '2027-01-01T00:00:00Z' }),
      entry({ id: 'long', notAfter: '2028-06-01T00:00:00Z' }),
    ];
    expect(pickOfflineCertificate(entries, '1111111111')?.id).toBe('long');
    expect(pickOfflineCertificate(entries.slice(0, 3), '1111111111')).toBeNull();
  });

  it("falls back to a person's certificate (no NIP in it)", () => {
    const { nip: _nip, ...withoutNip } = entry({ id: 'person' });
    expect(pickOfflineCertificate([withoutNip, entry({ id: 'other', nip: '5265877635' })], '1111111111')?.id).toBe('person');
  });

  it('pads the serial to the 16 hex digits KOD II carries and signs through the vault', async () => {
    expect(kod2Serial('1f20a5d352ae590')).toBe('01F20A5D352AE590');
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const used: string[] = [];
    const signer = await offlineSignerFor(
      {
        list: async () => [entry({ id: 'offline-1' })],
        withPrivateKey: async (id, fn) => {
          used.push(id);
          return fn(privateKey, Buffer.alloc(0));
        },
      },
      '1111111111',
    );
    expect(signer?.certificateSerial).toBe('01F20A5D352AE590');
    const signature = await signer?.sign(data);
    expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature ?? Buffer.alloc(0))).toBe(true);
    expect(used).toEqual(['offline-1']);
  });
});
