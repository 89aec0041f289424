import { rsaOaepSha256Decrypt } from '../crypto/primitives';
import { parseJsonBody } from '../server/body';
import { json, type Router } from '../server/router';
import type { StatusInfo } from '../state/types';
import type { SandboxDeps } from '../deps';
import { AUTH_METHODS, AUTH_STATUS } from './auth-method';
import { consumeChallenge } from './challenge';
import { findKsefTokenBySecret } from './ksef-token-store';
import { startAuthOperation } from './operations';
import { initTokenAuthenticationSchema } from './schemas';

/**
 * POST /auth/ksef-token. Request-level problems (bad body, unknown key id, bad challenge) are 400s;
 * problems with the token itself end the operation with status 450, as the spec's status table lists them.
 */
export function registerKsefTokenRoute(router: Router, deps: SandboxDeps): void {
  router.post('/auth/ksef-token', async (ctx) => {
    const request = parseJsonBody(ctx, initTokenAuthenticationSchema);
    const now = deps.clock.now();
    const key = deps.crypto.keyFor('KsefTokenEncryption', request.publicKeyId, now);
    const challenge = consumeChallenge(deps.store, request.challenge, now);

    let failure: StatusInfo | undefined;
    let plaintext = '';
    try {
      plaintext = rsaOaepSha256Decrypt(key.privateKey, Buffer.from(request.encryptedToken, 'base64')).toString('utf8');
    } catch {
      failure = AUTH_STATUS.badToken('Nieprawidłowy token');
    }
    const separator = plaintext.lastIndexOf('|');
    const tokenText = separator > 0 ? plaintext.slice(0, separator) : plaintext;
    const timestampText = separator > 0 ? plaintext.slice(separator + 1) : '';
    const token = failure ? undefined : findKsefTokenBySecret(deps.store, tokenText);

    if (!failure && !token) failure = AUTH_STATUS.badToken('Nieprawidłowy token');
    else if (!failure && timestampText !== String(challenge.timestampMs)) failure = AUTH_STATUS.badToken('Nieprawidłowy czas tokena');
    else if (token && (token.status === 'Revoked' || token.status === 'Revoking')) failure = AUTH_STATUS.badToken('Token unieważniony');
    else if (token && token.status !== 'Active') failure = AUTH_STATUS.badToken('Token nieaktywny');
    else if (token && (token.context.type !== request.contextIdentifier.type || token.context.value !== request.contextIdentifier.value)) {
      failure = AUTH_STATUS.badToken('Nieprawidłowy token');
    }

    // A token without permissions cannot act in its context.
    if (token && !failure && token.permissions.length === 0) failure = AUTH_STATUS.noPermissions();
    if (token && !failure) {
      token.lastUseDate = now.toISOString();
      deps.store.changed();
    }
    const allowedIps = request.authorizationPolicy?.allowedIps ?? undefined;
    const response = await startAuthOperation(deps, {
      method: AUTH_METHODS.token,
      context: request.contextIdentifier,
      ...(token ? { identity: token.author, ksefTokenReference: token.referenceNumber } : {}),
      status: failure ?? AUTH_STATUS.success(),
      permissions: failure || !token ? [] : [...token.permissions],
      ...(allowedIps ? { allowedIps } : {}),
      clientIp: ctx.clientIp,
    });
    return json(202, response);
  });
}
