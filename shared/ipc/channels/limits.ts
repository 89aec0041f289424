import { z } from 'zod';
import { NIP_PATTERN, hasValidNipChecksum } from '../../domain/nip';
import { isValidPesel } from '../../domain/pesel';

/** A certificate file may have at most 1 MiB; as Base64 that is 4·⌈2^20/3⌉ characters. */
export const MAX_CERTIFICATE_FILE_BYTES = 1024 * 1024;
export const MAX_CERTIFICATE_FILE_BASE64 = 4 * Math.ceil(MAX_CERTIFICATE_FILE_BYTES / 3);
export const MAX_PASSWORD_LENGTH = 256;
export const MIN_PASSPHRASE_LENGTH = 8;
export const MAX_LABEL_LENGTH = 100;
export const MAX_NAME_LENGTH = 200;
/** KSeF tokens are ≤160 characters (PROTOCOL §12); leave room for whitespace people paste. */
export const MAX_KSEF_TOKEN_LENGTH = 200;

export const noInput = z.object({}).strict();

/** NIP with the spec format and a valid checksum (what the companies list and defaults accept). */
export const nipSchema = z
  .string()
  .trim()
  .max(20)
  .refine((value) => NIP_PATTERN.test(value) && hasValidNipChecksum(value), { message: 'invalid NIP' });

export const peselSchema = z
  .string()
  .trim()
  .max(20)
  .refine((value) => isValidPesel(value), { message: 'invalid PESEL' });

export const entityIdSchema = z.string().regex(/^[0-9a-f-]{36}$/);
export const referenceNumberSchema = z.string().regex(/^[0-9A-Za-z-]{10,64}$/);
export const labelSchema = z.string().trim().min(1).max(MAX_LABEL_LENGTH);
export const personNameSchema = z.string().trim().min(1).max(MAX_NAME_LENGTH);

/** What a channel without a meaningful answer returns (null would vanish in NonNullable response types). */
export interface Done {
  done: true;
}
export const DONE: Done = { done: true };

/** Payload of an event that only says "re-read this". */
export type Changed = Record<string, never>;
