import type { KeyObject } from 'node:crypto';

/**
 * KSeF's key rules (spec: POST /auth/xades-signature and POST /certificates/enrollments; PROTOCOL.md §4.2, §11).
 * Sign-in: RSA of at least 2048 bits; ECDSA on a curve of at least 256 bits. The spec names no curve list for
 * sign-in, so we accept the named curves XMLDSig verifiers and EU qualified certificates use: NIST P-256/384/521
 * and Brainpool 256/384/512 (the same set as our sandbox). P-192/P-224, secp256k1 (not in XMLDSig nor on
 * trust lists), Ed25519/Ed448, DSA and RSA-PSS-only keys are refused.
 * Enrollment (a CSR for a KSeF certificate): RSA exactly 2048 bits or EC P-256.
 */
export const KSEF_SIGN_IN_EC_CURVES: readonly string[] = [
  'prime256v1',
  'secp384r1',
  'secp521r1',
  'brainpoolP256r1',
  'brainpoolP384r1',
  'brainpoolP512r1',
];
export const MIN_KSEF_RSA_BITS = 2048;

export const KSEF_KEY_PROBLEMS = ['RSA_KEY_TOO_SHORT', 'EC_CURVE_NOT_ACCEPTED', 'KEY_TYPE_NOT_ACCEPTED'] as const;
/** Why KSeF would refuse a certificate's key (shown in the wizard, the list and `cert list --json`). */
export type KsefKeyProblem = (typeof KSEF_KEY_PROBLEMS)[number];

/** A public or private key: the problem KSeF would have signing in with it, or null when it is accepted. */
export function signInKeyProblem(key: KeyObject): KsefKeyProblem | null {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return (details.modulusLength ?? 0) >= MIN_KSEF_RSA_BITS ? null : 'RSA_KEY_TOO_SHORT';
    case 'ec':
      return KSEF_SIGN_IN_EC_CURVES.includes(details.namedCurve ?? '') ? null : 'EC_CURVE_NOT_ACCEPTED';
    default:
      return 'KEY_TYPE_NOT_ACCEPTED';
  }
}

/** The stricter rule for keys KSeF certifies: RSA exactly 2048 bits or EC P-256. */
export function enrollmentKeyProblem(key: KeyObject): KsefKeyProblem | null {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return details.modulusLength === MIN_KSEF_RSA_BITS ? null : 'RSA_KEY_TOO_SHORT';
    case 'ec':
      return details.namedCurve === 'prime256v1' ? null : 'EC_CURVE_NOT_ACCEPTED';
    default:
      return 'KEY_TYPE_NOT_ACCEPTED';
  }
}

/** XMLDSig hash per curve size, so the signature is as strong as the key. */
export function ecdsaHashFor(namedCurve: string): 'sha256' | 'sha384' | 'sha512' {
  if (namedCurve === 'secp384r1' || namedCurve === 'brainpoolP384r1') return 'sha384';
  if (namedCurve === 'secp521r1' || namedCurve === 'brainpoolP512r1') return 'sha512';
  return 'sha256';
}
