import { createPrivateKey, type KeyObject } from 'node:crypto';
import { signXadesEnveloped } from '../../signing/xades-sign';
import type { KsefTime } from '../time';
import type { XadesSigner } from './authenticator';

/**
 * A signer over a key held in memory (test certificates, CLI). The vault builds its own signer the
 * same way so the key never leaves it.
 */
export function createXadesSigner(certificateDer: Buffer, privateKey: KeyObject | Buffer, time?: KsefTime): XadesSigner {
  const key = Buffer.isBuffer(privateKey) ? createPrivateKey({ key: privateKey, format: 'der', type: 'pkcs8' }) : privateKey;
  return {
    certificateDer,
    // Signing time 1 minute in the past (C# client behaviour) absorbs clock skew with KSeF.
    sign: async (xml) => signXadesEnveloped(xml, key, certificateDer, time ? { signingTime: new Date(time.now() - 60_000) } : {}),
  };
}
