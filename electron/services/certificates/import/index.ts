export {
  assertKeyMatchesCertificate,
  MAX_CREDENTIAL_FILE_BYTES,
  parseCredentialFile,
  parseCredentialPair,
  type CredentialFormat,
  type ParsedCredential,
} from './parse-credential';
