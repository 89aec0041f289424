/** KSeF 2.0 client: plain Node (no Electron), used by the app's IPC handlers and the CLI. */
export { createKsefClient, type KsefClient, type KsefClientOptions } from './client';
export { toAppError, withAppErrors } from './app-errors';
export { systemTime, parseKsefDateTime, type KsefTime } from './time';
export {
  KsefApiError,
  KsefAuthError,
  KsefNetworkError,
  KsefOperationError,
  KsefRateLimitError,
  KsefResponseFormatError,
  KsefSessionExpiredError,
} from './http/errors';
export { KsefTransport, pathParam, type KsefExchange, type KsefRequest, type KsefResponse } from './http/transport';
export { KsefScheduler, type ScheduledCall, type SchedulerEvent, type KsefSchedulerOptions } from './scheduler/scheduler';
export { OFFICIAL_RATE_LIMITS, endpointPolicy, type RateLimit, type RateLimitGroup } from './scheduler/endpoints';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './scheduler/retry-policy';
export { KsefPublicKeys, selectKey, type KsefPublicKey, type PublicKeyUsage } from './public-keys';
export { rsaOaepSha256Encrypt, aes256CbcEncrypt, aes256CbcDecrypt, generateSymmetricKey, sha256Base64, type SymmetricKey } from './encryption';
export { KsefAuthenticator, type XadesSigner, type LoginWithCertificateInput, type LoginWithKsefTokenInput } from './auth/authenticator';
export { KsefSession, type KsefSessionState, type SessionRequest } from './auth/session';
export type { KsefContextIdentifier, AuthSessionList, AuthSessionListItem, AuthStatus } from './auth/models';
export { KsefCertificatesApi } from './api/certificates';
export { KsefTokensApi } from './api/tokens';
export { KsefPermissionsApi } from './api/permissions';
export { buildEnrollmentCsr, enrollmentSubject, type CsrKeyType } from './enrollment/csr';
export { enrollCertificate, type EnrollCertificateInput, type EnrolledCertificate } from './enrollment/enroll-certificate';
export { createXadesSigner } from './auth/xades-signer';
export { KsefInvoicesApi, type DownloadedInvoice, type StartedExport, type MetadataPageRequest } from './api/invoices';
export { downloadPackageArchive, readPackageArchive, fetchPart, type PartFetcher, type ExportPackageContents } from './api/invoices-package';
export * from './api/invoices-models';
