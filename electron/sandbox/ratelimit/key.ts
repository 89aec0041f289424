import { decodeJwt } from 'jose';
import type { EndpointRateRule } from './groups';

/** The context a bearer token claims, read without verification: it only selects a counter. */
function claimedContext(authorization: string | undefined): string {
  const token = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
  if (!token) return '-';
  try {
    const claims = decodeJwt(token);
    const type = claims['context-identifier-type'];
    const value = claims['context-identifier-value'];
    return typeof type === 'string' && typeof value === 'string' ? `${type}:${value}` : '-';
  } catch {
    return '-';
  }
}

/** Counter key: per IP for public endpoints, per (context, IP) for protected ones (PROTOCOL §17). */
export function rateLimitKey(rule: EndpointRateRule, clientIp: string, authorization: string | undefined): string {
  return rule.perIpOnly ? `${rule.counter}|${clientIp}` : `${rule.counter}|${claimedContext(authorization)}|${clientIp}`;
}
