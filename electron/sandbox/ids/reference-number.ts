import { randomBytes } from 'node:crypto';
import { crc8Hex } from './crc8';

/** Two-character type codes seen in official examples (PROTOCOL §2). */
export type ReferenceTypeCode = 'CR' | 'AU' | 'SO' | 'SB' | 'EE' | 'EU' | 'EH' | 'EC' | (string & {});

export const REFERENCE_NUMBER_PATTERN = /^\d{8}-[0-9A-Z]{2}-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}$/;
export const CHALLENGE_PATTERN = /^\d{8}-CR-[A-F0-9]{10}-[A-F0-9]{10}-[A-F0-9]{2}$/;

function yyyymmdd(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

/** `YYYYMMDD-TT-HHHHHHHHHH-HHHHHHHHHH-CC`, CC = CRC-8 of the first 33 characters. */
export function newReferenceNumber(type: ReferenceTypeCode, now: Date, random: () => Buffer = () => randomBytes(10)): string {
  if (!/^[0-9A-Z]{2}$/.test(type)) throw new Error(`bad reference type code: ${type}`);
  const hex = random().toString('hex').toUpperCase().padEnd(20, '0').slice(0, 20);
  const body = `${yyyymmdd(now)}-${type}-${hex.slice(0, 10)}-${hex.slice(10, 20)}`;
  return `${body}-${crc8Hex(body)}`;
}

/** A challenge is a reference number of type CR. */
export function newChallenge(now: Date): string {
  return newReferenceNumber('CR', now);
}

export function isReferenceNumber(value: string): boolean {
  return REFERENCE_NUMBER_PATTERN.test(value);
}
