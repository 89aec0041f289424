/** Certificate vault: import, inspection and encrypted storage of signing credentials. Plain Node, no 'electron'. */
export * from './errors';
export {
  assertKeyMatchesCertificate,
  MAX_CREDENTIAL_FILE_BYTES,
  parseCredentialFile,
  parseCredentialPair,
  type CredentialFormat,
  type ParsedCredential,
} from './import';
export {
  certificateStatus,
  describeKeyType,
  EXPIRING_SOON_DAYS,
  fingerprintSha256,
  inspectCertificate,
  type CertificateInspection,
  type CertificateStatus,
  type CertificateWarningCode,
  type DistinguishedName,
  type InspectOptions,
  type KeyType,
  type KsefCertificateType,
} from './inspect';
export {
  DEFAULT_SCRYPT_COST_LOG2,
  MIN_SCRYPT_COST_LOG2,
  PassphraseKeyProtector,
  passphraseBlobParameters,
  SafeStorageKeyProtector,
  type KeyProtector,
  type SafeStorageLike,
  type ScryptParameters,
} from './key-protector';
export { extractPolishIdentifiers, isValidNip, isValidPesel, type PolishIdentifiers } from './polish-identifiers';
export {
  CertificateVault,
  type CertificateSource,
  type CertificateVaultDeps,
  type GeneratedCertificateMeta,
  type ImportSummary,
  type VaultEntrySummary,
  type VaultEntryStatus,
} from './vault';
