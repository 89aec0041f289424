import { describe, expect, it } from 'vitest';
import { toAppError } from '../app-errors';
import { parseKsefError, parseRetryAfter } from './parse-error';

const NOW = Date.parse('2026-03-02T10:00:00Z');

describe('parseKsefError', () => {
  it('reads ExceptionResponse codes and details', () => {
    const body = JSON.stringify({
      exception: {
        exceptionDetailList: [{ exceptionCode: 21405, exceptionDescription: 'Błąd walidacji danych wejściowych.', details: ['pageSize: 5'] }],
        referenceNumber: 'x',
        serviceCode: 'y',
        timestamp: '2026-03-02T10:00:00.0000000+00:00',
      },
    });
    const error = parseKsefError(400, body, undefined, NOW);
    expect(error).toMatchObject({ httpStatus: 400, exceptionCodes: [21405], details: ['Błąd walidacji danych wejściowych.', 'pageSize: 5'] });
    expect(toAppError(error)).toMatchObject({ code: 'KSEF_REJECTED', details: ['http:400', 'ksef:21405', 'Błąd walidacji danych wejściowych.', 'pageSize: 5'] });
  });

  it('reads problem+json 400, 403 reasonCode and 429 with Retry-After', () => {
    const bad = parseKsefError(400, JSON.stringify({ title: 'Bad Request', status: 400, errors: [{ code: 21470, description: 'Nieznany klucz' }] }), undefined, NOW);
    expect(bad.exceptionCodes).toEqual([21470]);
    const forbidden = parseKsefError(403, JSON.stringify({ title: 'Forbidden', status: 403, detail: 'nope', reasonCode: 'missing-permissions' }), undefined, NOW);
    expect(forbidden).toMatchObject({ reasonCode: 'missing-permissions', details: ['nope'] });
    const limited = parseKsefError(429, JSON.stringify({ status: { code: 429, description: 'Too Many Requests', details: ['wait'] } }), '7', NOW);
    expect(limited).toMatchObject({ retryAfterSeconds: 7, details: ['Too Many Requests', 'wait'] });
    expect(toAppError(limited).code).toBe('RATE_LIMITED');
    expect(toAppError(parseKsefError(401, '{"title":"Unauthorized","status":401,"detail":"x"}', undefined, NOW)).code).toBe('UNAUTHORIZED');
    expect(toAppError(parseKsefError(503, '<html>down</html>', undefined, NOW))).toMatchObject({ code: 'KSEF_UNAVAILABLE', details: ['http:503', '<html>down</html>'] });
  });

  it('Retry-After as seconds or HTTP date', () => {
    expect(parseRetryAfter('5', NOW)).toBe(5);
    expect(parseRetryAfter(new Date(NOW + 10_000).toUTCString(), NOW)).toBe(10);
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});
