import { describe, expect, it } from 'vitest';
import { hashParameter, isGuideHash, pageFromHash } from './hash-route';

describe('hash routes', () => {
  it('finds the page with or without parameters', () => {
    expect(pageFromHash('#/sent')).toBe('sent');
    expect(pageFromHash('#/issue?draft=abc')).toBe('issue');
    expect(pageFromHash('#/received?x=1&y=2')).toBe('received');
    expect(pageFromHash('#/nonsense')).toBe('issue');
    expect(pageFromHash('')).toBe('issue');
  });

  it('shows the guide only for no page or #/welcome', () => {
    expect(isGuideHash('')).toBe(true);
    expect(isGuideHash('#/welcome')).toBe(true);
    expect(isGuideHash('#/issue?draft=abc')).toBe(false);
    expect(isGuideHash('#/settings')).toBe(false);
  });

  it('reads a parameter, decoded', () => {
    expect(hashParameter('#/issue?draft=a%2Fb', 'draft')).toBe('a/b');
    expect(hashParameter('#/issue?draft=', 'draft')).toBeNull();
    expect(hashParameter('#/issue', 'draft')).toBeNull();
    expect(hashParameter('#/issue?other=1', 'draft')).toBeNull();
  });
});
