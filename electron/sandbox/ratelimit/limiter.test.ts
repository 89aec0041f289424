import { describe, expect, it } from 'vitest';
import { FakeClock } from '../server/clock';
import { RATE_LIMIT_GROUPS, rateRuleFor } from './groups';
import { RateLimiter } from './limiter';

describe('RateLimiter', () => {
  it('blocks the 9th invoice download within a second and tells when to retry', () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock);
    const limit = RATE_LIMIT_GROUPS.invoiceDownload;
    for (let i = 0; i < 8; i++) expect(limiter.check('k', limit).allowed).toBe(true);
    const blocked = limiter.check('k', limit);
    expect(blocked).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(1000);
    expect(limiter.check('k', limit).allowed).toBe(true);
  });

  it('applies the per-minute window after the per-second one clears', () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock);
    const limit = RATE_LIMIT_GROUPS.invoiceMetadata; // 8/s, 16/min, 20/h
    for (let i = 0; i < 16; i++) {
      expect(limiter.check('k', limit).allowed).toBe(true);
      clock.advance(200);
    }
    const blocked = limiter.check('k', limit);
    expect(blocked.allowed).toBe(false);
    if (!blocked.allowed) {
      expect(blocked.detail).toContain('16 żądań na minutę');
      // first request was 3.2 s ago; it ages out of the minute window in 56.8 s
      expect(blocked.retryAfterSeconds).toBe(57);
    }
    clock.advance(57_000);
    expect(limiter.check('k', limit).allowed).toBe(true);
  });

  it('enforces the hourly window', () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock);
    const limit = RATE_LIMIT_GROUPS.invoiceExport; // 20/h
    for (let i = 0; i < 20; i++) {
      expect(limiter.check('k', limit).allowed).toBe(true);
      clock.advance(61_000);
    }
    const blocked = limiter.check('k', limit);
    expect(blocked).toMatchObject({ allowed: false });
    if (!blocked.allowed) expect(blocked.detail).toContain('godzinę');
  });

  it('counts keys independently and does nothing when off', () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock);
    const limit = { perSecond: 1 };
    expect(limiter.check('a', limit).allowed).toBe(true);
    expect(limiter.check('b', limit).allowed).toBe(true);
    expect(limiter.check('a', limit).allowed).toBe(false);
    limiter.setMode('off');
    expect(limiter.check('a', limit).allowed).toBe(true);
  });
});

describe('rateRuleFor', () => {
  it('maps endpoints to the official groups whatever the parameter names', () => {
    expect(rateRuleFor('GET', '/invoices/ksef/{ksef}').group).toBe('invoiceDownload');
    expect(rateRuleFor('POST', '/sessions/online/{ref}/invoices').group).toBe('invoiceSend');
    expect(rateRuleFor('POST', '/auth/challenge')).toMatchObject({ group: 'public', perIpOnly: true });
    const other = rateRuleFor('GET', '/auth/sessions');
    expect(other).toMatchObject({ group: 'other', perIpOnly: false });
    expect(other.counter).not.toBe(rateRuleFor('GET', '/tokens').counter);
  });
});
