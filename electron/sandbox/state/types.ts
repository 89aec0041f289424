/** Core record types shared by the sandbox modules. Dates are ISO strings so state files stay plain JSON. */

export type ContextIdentifierType = 'Nip' | 'InternalId' | 'NipVatUe' | 'PeppolId';

export interface ContextIdentifier {
  type: ContextIdentifierType;
  value: string;
}

/** Who authenticated: a NIP or PESEL from a certificate/token, or a certificate fingerprint. */
export type SubjectIdentityType = 'Nip' | 'Pesel' | 'Fingerprint';

export interface SubjectIdentity {
  type: SubjectIdentityType;
  value: string;
}

export interface AllowedIps {
  ip4Addresses: string[];
  ip4Ranges: string[];
  ip4Masks: string[];
}

export type AuthenticationMethod =
  | 'Token'
  | 'TrustedProfile'
  | 'InternalCertificate'
  | 'QualifiedSignature'
  | 'QualifiedSeal'
  | 'PersonalSignature'
  | 'PeppolSignature';

export interface AuthenticationMethodInfo {
  category: 'XadesSignature' | 'NationalNode' | 'Token' | 'Other';
  code: string;
  displayName: string;
}

export interface StatusInfo {
  code: number;
  description: string;
  details?: string[];
}

export interface ChallengeRecord {
  challenge: string;
  timestampMs: number;
  clientIp: string;
  used: boolean;
}

/** One authentication operation (`/auth/{referenceNumber}`), which becomes an auth session once redeemed. */
export interface AuthOperationRecord {
  referenceNumber: string;
  startDate: string;
  method: AuthenticationMethod;
  methodInfo: AuthenticationMethodInfo;
  status: StatusInfo;
  context: ContextIdentifier;
  identity?: SubjectIdentity;
  /** Permissions granted at authentication time; recomputed on refresh. */
  permissions: string[];
  allowedIps?: AllowedIps;
  clientIp: string;
  /** KSeF token reference when authenticated with a KSeF token. */
  ksefTokenReference?: string;
  /** Serial of a sandbox-issued KSeF certificate used to sign, if any. */
  certificateSerial?: string;
  /** DER of the certificate that signed a XAdES login (certificate enrollment copies its subject). */
  signerCertificateDer?: Buffer;
  /** Base64 SHA-256 of the signed AuthTokenRequest as received (UPO `SkrotDokumentuUwierzytelniajacego`). */
  authDocumentHash?: string;
  tokenRedeemed: boolean;
  /** Id (jti) of the one refresh token issued at redeem. */
  refreshTokenId?: string;
  refreshTokenValidUntil?: string;
  lastTokenRefreshDate?: string;
  revoked: boolean;
}

export type KsefTokenStatus = 'Pending' | 'Active' | 'Revoking' | 'Revoked' | 'Failed';

export type TokenPermission =
  | 'InvoiceRead'
  | 'InvoiceWrite'
  | 'CredentialsRead'
  | 'CredentialsManage'
  | 'SubunitManage'
  | 'EnforcementOperations'
  | 'Introspection';

export interface KsefTokenRecord {
  referenceNumber: string;
  /** The secret the client encrypts (`token|timestampMs`). */
  token: string;
  context: ContextIdentifier;
  author: SubjectIdentity;
  permissions: TokenPermission[];
  description: string;
  status: KsefTokenStatus;
  dateCreated: string;
  lastUseDate?: string;
  statusDetails?: string[];
}

/** A permission held by a grantee in a context (from /testdata/permissions or the permissions API). */
export interface PermissionGrant {
  id: string;
  context: ContextIdentifier;
  grantee: SubjectIdentity;
  permission: string;
  description: string;
  grantedAt: string;
  source: 'testdata' | 'api';
}

/** NIP–PESEL link made by POST /testdata/person. */
export interface PersonRecord {
  nip: string;
  pesel: string;
  isBailiff: boolean;
  isDeceased: boolean;
  description: string;
  createdDate: string;
}

export type IssuedCertificateType = 'Authentication' | 'Offline';

/** A KSeF certificate issued by the sandbox CA. */
export interface IssuedCertificateRecord {
  serialNumber: string;
  type: IssuedCertificateType;
  der: Buffer;
  fingerprint: string;
  subjectDn: string;
  validFrom: string;
  validTo: string;
  status: 'Active' | 'Blocked' | 'Revoked' | 'Expired';
  revocationDate?: string;
  revocationReason?: string;
}
