import type { AllowedIps } from '../state/types';

function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

/** Strips the IPv4-mapped IPv6 prefix Node reports for IPv4 clients on dual-stack sockets. */
export function normalizeClientIp(ip: string | undefined): string {
  if (!ip) return '0.0.0.0';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

export function hasIpRestrictions(policy: AllowedIps | undefined): policy is AllowedIps {
  return !!policy && policy.ip4Addresses.length + policy.ip4Ranges.length + policy.ip4Masks.length > 0;
}

/** AuthorizationPolicy.AllowedIps: an empty policy allows everyone; otherwise any matching entry allows. */
export function isIpAllowed(clientIp: string, policy: AllowedIps | undefined): boolean {
  if (!hasIpRestrictions(policy)) return true;
  const ip = ipv4ToNumber(normalizeClientIp(clientIp));
  if (ip === undefined) return false;
  if (policy.ip4Addresses.some((a) => ipv4ToNumber(a) === ip)) return true;
  for (const range of policy.ip4Ranges) {
    const [from, to] = range.split('-').map(ipv4ToNumber);
    if (from !== undefined && to !== undefined && from <= ip && ip <= to) return true;
  }
  for (const mask of policy.ip4Masks) {
    const [base, bitsText] = mask.split('/');
    const baseNumber = ipv4ToNumber(base ?? '');
    const bits = Number(bitsText);
    if (baseNumber === undefined || !Number.isInteger(bits)) continue;
    const maskValue = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if (((baseNumber & maskValue) >>> 0) === ((ip & maskValue) >>> 0)) return true;
  }
  return false;
}
