/**
 * A rejection of `POST /auth/xades-signature`; `exceptionCode` is the KSeF 400 code
 * (PROTOCOL §4.2 / Appendix B) the sandbox reports, `details` its `details[]` strings.
 */
export class XadesVerificationError extends Error {
  override readonly name = 'XadesVerificationError';

  constructor(
    readonly exceptionCode: number,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

export const EXCEPTION_CODES = {
  invalidDocument: 9101,
  noSignature: 9102,
  tooManySignatures: 9103,
  invalidSignature: 9105,
  unreadableContent: 21001,
  invalidEncoding: 21217,
  schemaViolation: 21401,
} as const;

export function invalidSignature(detail: string): XadesVerificationError {
  return new XadesVerificationError(EXCEPTION_CODES.invalidSignature, 'Invalid signature', [detail]);
}
