import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { buildEnrollmentCsr } from './csr';

describe('buildEnrollmentCsr', () => {
  const data = { commonName: 'Jan Kowalski', countryName: 'PL', givenName: 'Jan', surname: 'Kowalski', serialNumber: 'TINPL-5265877635' };

  it.each(['ec', 'rsa'] as const)('%s: subject repeats the enrollment data and the signature verifies', async (keyType) => {
    const { csrDer, privateKeyPkcs8Der } = await buildEnrollmentCsr(data, keyType);
    const csr = new x509.Pkcs10CertificateRequest(csrDer);
    expect(csr.subjectName.getField('2.5.4.3')).toEqual(['Jan Kowalski']);
    expect(csr.subjectName.getField('2.5.4.5')).toEqual(['TINPL-5265877635']);
    expect(csr.subjectName.getField('2.5.4.42')).toEqual(['Jan']);
    expect(csr.subjectName.getField('2.5.4.97')).toEqual([]);
    expect(await csr.verify()).toBe(true);
    expect(privateKeyPkcs8Der.length).toBeGreaterThan(100);
    expect(csr.publicKey.algorithm.name).toBe(keyType === 'ec' ? 'ECDSA' : 'RSASSA-PKCS1-v1_5');
  });
});
