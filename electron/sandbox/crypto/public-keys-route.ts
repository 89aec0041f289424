import { formatKsefDateTime } from '../server/clock';
import { json, type Router } from '../server/router';
import type { SandboxDeps } from '../deps';

/** GET /security/public-key-certificates — the two RSA keys clients encrypt to. */
export function registerPublicKeyRoutes(router: Router, deps: SandboxDeps): void {
  router.get('/security/public-key-certificates', () =>
    json(
      200,
      deps.crypto.publishedKeys.map((key) => ({
        certificate: key.certificateDer.toString('base64'),
        certificateId: key.certificateId,
        publicKeyId: key.publicKeyId,
        validFrom: formatKsefDateTime(key.validFrom),
        validTo: formatKsefDateTime(key.validTo),
        usage: [key.usage],
      })),
    ),
  );
}
