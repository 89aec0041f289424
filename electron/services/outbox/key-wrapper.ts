/** Wraps session keys with KSeF's SymmetricKeyEncryption certificate, read through the signed-in session. */
import { z } from 'zod';
import type { KsefSession } from '../ksef';
import { rsaOaepSha256Encrypt, selectKey, type KsefPublicKey } from '../ksef';
import type { SymmetricKeyWrapper } from '../ksef/api/sessions';
import { parseKsefDateTime } from '../ksef/time';

const listSchema = z.array(z.object({ certificate: z.string(), publicKeyId: z.string(), validFrom: z.string(), validTo: z.string(), usage: z.array(z.string()) }));

/** One download per wrapper (a wrapper lives for one sending round). */
export function sessionKeyWrapper(session: KsefSession, now: () => number = Date.now): SymmetricKeyWrapper {
  let keys: Promise<KsefPublicKey[]> | undefined;
  return async (key) => {
    keys ??= session
      .requestJson({ method: 'GET', path: '/security/public-key-certificates', template: '/security/public-key-certificates' }, listSchema)
      .then((list) =>
        list.map((item) => ({
          certificateDer: Buffer.from(item.certificate, 'base64'),
          certificateId: item.publicKeyId,
          publicKeyId: item.publicKeyId,
          validFrom: parseKsefDateTime(item.validFrom),
          validTo: parseKsefDateTime(item.validTo),
          usage: item.usage,
        })),
      );
    const chosen = selectKey(await keys, 'SymmetricKeyEncryption', now());
    if (!chosen) throw new Error('KSeF publishes no valid SymmetricKeyEncryption key');
    return { encrypted: rsaOaepSha256Encrypt(chosen.certificateDer, key).toString('base64'), publicKeyId: chosen.publicKeyId };
  };
}
