import { x509 } from '../crypto/x509-provider';
import { badRequest } from '../server/errors';
import { json, type Router } from '../server/router';
import type { SandboxDeps } from '../deps';
import { AUTH_METHODS, AUTH_STATUS, type AuthMethodDescription } from './auth-method';
import { identityFromCertificate } from './certificate-identity';
import { assessCertificate } from './certificate-trust';
import { consumeChallenge } from './challenge';
import { entitlementFor } from './entitlement';
import { startAuthOperation } from './operations';
import { XadesVerificationError } from './xades/errors';
import { verifyAuthTokenRequest, type VerifiedAuthTokenRequest } from './xades/verify';
import { sha256Base64 } from '../crypto/primitives';

function verifyOrReject(body: Buffer): VerifiedAuthTokenRequest {
  try {
    return verifyAuthTokenRequest(body);
  } catch (error) {
    if (error instanceof XadesVerificationError) {
      throw badRequest(error.exceptionCode, ...(error.details.length > 0 ? error.details : [error.message]));
    }
    throw error;
  }
}

/**
 * POST /auth/xades-signature. The XAdES module proves the document and signature; here we decide
 * the outcome: challenge (400 21111), certificate trust and validity (460), identity, entitlement (415).
 */
export function registerXadesRoute(router: Router, deps: SandboxDeps): void {
  router.post(
    '/auth/xades-signature',
    async (ctx) => {
      const verified = verifyOrReject(ctx.body);
      const now = deps.clock.now();
      consumeChallenge(deps.store, verified.challenge, now);

      let certificate: x509.X509Certificate;
      try {
        certificate = new x509.X509Certificate(verified.signerCertificateDer);
      } catch {
        throw badRequest(21115);
      }
      const found = identityFromCertificate(certificate, verified.signerCertificateDer, verified.subjectIdentifierType);
      if (!found) throw badRequest(21115, 'Certyfikat nie zawiera identyfikatora NIP ani PESEL w rozpoznawanym formacie.');

      const trust = await assessCertificate(deps.store, deps.crypto.ca, certificate, now, ctx.query.get('verifyCertificateChain') === 'true');
      const method: AuthMethodDescription =
        trust.kind === 'sandbox-issued' ? AUTH_METHODS.internalCertificate : found.isSeal ? AUTH_METHODS.qualifiedSeal : AUTH_METHODS.qualifiedSignature;
      const entitlement = entitlementFor(deps.store, verified.context, found.identity);
      const status =
        trust.kind === 'rejected'
          ? AUTH_STATUS.badCertificate(trust.detail)
          : entitlement.permissions.length === 0
            ? AUTH_STATUS.noPermissions()
            : AUTH_STATUS.success();
      const response = await startAuthOperation(deps, {
        method,
        context: verified.context,
        identity: found.identity,
        status,
        permissions: status.code === 200 ? entitlement.permissions : [],
        ...(verified.allowedIps ? { allowedIps: verified.allowedIps } : {}),
        clientIp: ctx.clientIp,
        signerCertificateDer: verified.signerCertificateDer,
        authDocumentHash: sha256Base64(ctx.body),
        ...(trust.kind === 'sandbox-issued' ? { certificateSerial: trust.record.serialNumber } : {}),
      });
      return json(202, response);
    },
    { maxBodyBytes: 1_000_000 },
  );
}
