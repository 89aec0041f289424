import type { AccessContext } from '../auth/request-auth';
import { x509 } from '../crypto/x509-provider';
import { authOperations } from '../state/core-slices';
import type { SandboxStore } from '../state/store';
import { credentialError } from '../permissions/api-errors';

/** Subject attributes a CSR must repeat (PROTOCOL §11 point 3), in the response's field names. */
const ENROLLMENT_ATTRIBUTES = [
  ['commonName', '2.5.4.3'],
  ['countryName', '2.5.4.6'],
  ['givenName', '2.5.4.42'],
  ['surname', '2.5.4.4'],
  ['serialNumber', '2.5.4.5'],
  ['uniqueIdentifier', '2.5.4.45'],
  ['organizationName', '2.5.4.10'],
  ['organizationIdentifier', '2.5.4.97'],
] as const;

export type EnrollmentData = { commonName: string; countryName: string } & Partial<
  Record<'givenName' | 'surname' | 'serialNumber' | 'uniqueIdentifier' | 'organizationName' | 'organizationIdentifier', string>
>;

/**
 * The certificate the caller signed the XAdES login with. A KSeF-token login has none, so the
 * caller-specific code (25001 for the data, 25002 for the enrollment) comes from the route.
 */
export function loginCertificate(store: SandboxStore, access: AccessContext, codeWhenMissing: 25001 | 25002): x509.X509Certificate {
  const der = access.authMethod === 'Token' ? undefined : authOperations(store)[access.authReferenceNumber]?.signerCertificateDer;
  if (!der) throw credentialError(codeWhenMissing);
  return new x509.X509Certificate(der);
}

export function enrollmentDataOf(name: x509.Name): EnrollmentData {
  const data: Record<string, string> = { commonName: '', countryName: '' };
  for (const [field, oid] of ENROLLMENT_ATTRIBUTES) {
    const value = name.getField(oid)[0];
    if (value !== undefined) data[field] = value;
  }
  return data as EnrollmentData;
}

function attributeCount(name: x509.Name): number {
  return name.toJSON().reduce((sum, rdn) => sum + Object.values(rdn).reduce((n, values) => n + values.length, 0), 0);
}

/**
 * KSeF requires the CSR subject to carry exactly the enrollment data (25003): same values for every
 * listed attribute and nothing else. RDN order and string types are not compared.
 */
export function csrSubjectMatches(csrName: x509.Name, loginName: x509.Name): boolean {
  let known = 0;
  for (const [, oid] of ENROLLMENT_ATTRIBUTES) {
    const expected = [...loginName.getField(oid)].sort();
    const actual = [...csrName.getField(oid)].sort();
    known += actual.length;
    if (expected.length !== actual.length || expected.some((value, i) => value !== actual[i])) return false;
  }
  return known === attributeCount(csrName);
}
