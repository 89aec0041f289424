/** KOD II: the certificate code of an offline invoice (PROTOCOL.md §14). The private key never comes here. */
import type { KsefEnvironment } from '../../../../shared/domain/environments';
import { assertNip, hashOf, QrCodeInputError, type InvoiceBytesOrHash } from './kod1';
import { qrHostFor } from './qr-host';

export const KOD2_LABEL = 'CERTYFIKAT';
export const KOD2_CONTEXT_TYPES = ['Nip', 'InternalId', 'NipVatUe', 'PeppolId'] as const;
export type Kod2ContextType = (typeof KOD2_CONTEXT_TYPES)[number];

/** Signs the UTF-8 bytes it is given with the Offline KSeF certificate's key; see kod2-signer.ts. */
export type Kod2Sign = (data: Buffer) => Buffer | Promise<Buffer>;

export type Kod2Fields = {
  environment: KsefEnvironment;
  contextType: Kod2ContextType;
  contextValue: string;
  sellerNip: string;
  /** The KSeF certificate's serial number in hex; printed as 16 uppercase hex digits. */
  certificateSerial: string;
} & InvoiceBytesOrHash;

export type Kod2Input = Kod2Fields & { sign: Kod2Sign };

function normalizedSerial(serial: string): string {
  const hex = serial.replace(/[:\s]/g, '').toUpperCase();
  if (!/^[0-9A-F]{1,16}$/.test(hex)) throw new QrCodeInputError(`The certificate serial must be at most 16 hex digits, got "${serial}"`);
  return hex.padStart(16, '0');
}

function checkedContext(type: Kod2ContextType, value: string): string {
  if (!(KOD2_CONTEXT_TYPES as readonly string[]).includes(type)) throw new QrCodeInputError(`Unknown context type "${type}"`);
  if (type === 'Nip') return assertNip(value, 'context NIP');
  // Context identifiers are digits, letters and dashes (InternalId "NIP-12345", NipVatUe "NIP-DE123…").
  if (!/^[A-Za-z0-9._:-]+$/.test(value)) throw new QrCodeInputError(`The context identifier "${value}" cannot go into a URL path`);
  return value;
}

/** The URL without its signature segment; its part after "https://" is what gets signed. */
export function kod2UnsignedUrl(fields: Kod2Fields): string {
  const host = qrHostFor(fields.environment);
  const context = checkedContext(fields.contextType, fields.contextValue);
  const serial = normalizedSerial(fields.certificateSerial);
  return `${host}/certificate/${fields.contextType}/${context}/${assertNip(fields.sellerNip)}/${serial}/${hashOf(fields)}`;
}

/** The exact bytes KOD II signs: the URL without the scheme and without the signature (no trailing slash). */
export function kod2SignedData(fields: Kod2Fields): Buffer {
  return Buffer.from(kod2UnsignedUrl(fields).replace(/^https?:\/\//, ''), 'utf8');
}

export async function kod2Url(input: Kod2Input): Promise<string> {
  const unsigned = kod2UnsignedUrl(input);
  const signature = await input.sign(Buffer.from(unsigned.replace(/^https?:\/\//, ''), 'utf8'));
  if (signature.length === 0) throw new QrCodeInputError('The KOD II signer returned an empty signature');
  return `${unsigned}/${signature.toString('base64url')}`;
}
