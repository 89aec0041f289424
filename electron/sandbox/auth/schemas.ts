import { z } from 'zod';

/** Spec identifier patterns (PROTOCOL §2). */
export const NIP_PATTERN = /^[1-9]((\d[1-9])|([1-9]\d))\d{7}$/;
export const PESEL_PATTERN = /^\d{2}(?:0[1-9]|1[0-2]|2[1-9]|3[0-2]|4[1-9]|5[0-2]|6[1-9]|7[0-2]|8[1-9]|9[0-2])\d{7}$/;
const INTERNAL_ID_PATTERN = /^[1-9]((\d[1-9])|([1-9]\d))\d{7}-\d{5}$/;
const NIP_VAT_UE_PATTERN = /^[1-9]((\d[1-9])|([1-9]\d))\d{7}-[A-Z]{2}[0-9A-Za-z+*]{2,12}$/;
const PEPPOL_ID_PATTERN = /^P[A-Z]{2}[0-9]{6}$/;

const CONTEXT_PATTERNS = { Nip: NIP_PATTERN, InternalId: INTERNAL_ID_PATTERN, NipVatUe: NIP_VAT_UE_PATTERN, PeppolId: PEPPOL_ID_PATTERN } as const;

export const contextIdentifierSchema = z
  .object({ type: z.enum(['Nip', 'InternalId', 'NipVatUe', 'PeppolId']), value: z.string() })
  .refine((c) => CONTEXT_PATTERNS[c.type].test(c.value), { message: 'value does not match the identifier type', path: ['value'] });

const ipv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ipList = (pattern: RegExp) => z.array(z.string().regex(pattern)).max(10).nullish().transform((v) => v ?? []);

export const authorizationPolicySchema = z
  .object({
    allowedIps: z
      .object({
        ip4Addresses: ipList(ipv4),
        ip4Ranges: ipList(new RegExp(`^${ipv4.source.slice(1, -1)}-${ipv4.source.slice(1, -1)}$`)),
        ip4Masks: ipList(new RegExp(`^${ipv4.source.slice(1, -1)}/(0|[1-9]|[12][0-9]|3[0-2])$`)),
      })
      .nullish(),
  })
  .nullish();

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const initTokenAuthenticationSchema = z.object({
  challenge: z.string().length(36),
  contextIdentifier: contextIdentifierSchema,
  encryptedToken: z.string().min(1).regex(base64, 'must be Base64'),
  publicKeyId: z.string().length(44).nullish(),
  authorizationPolicy: authorizationPolicySchema,
});
