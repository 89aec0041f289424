import { describe, expect, it } from 'vitest';
import { isAllowedRendererRequest, isAppUrl, isSafeExternalUrl } from './url-policy';

describe('isSafeExternalUrl', () => {
  it('allows plain https links', () => {
    expect(isSafeExternalUrl('https://ksef.podatki.gov.pl/')).toBe(true);
    expect(isSafeExternalUrl('https://www.gov.pl/web/kas/krajowy-system-e-faktur?x=1#a')).toBe(true);
  });

  it('refuses adversarial URLs', () => {
    for (const url of [
      'http://ksef.podatki.gov.pl/',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'file:///etc/passwd',
      'smb://evil/share',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'ms-msdt:/id PCWDiagnostic',
      'https://user:pass@evil.example/',
      'https://evil.example\\@good.example',
      'https:/\\evil.example',
      'https://localhost/',
      'https://',
      ' https://ok.example/',
      'https://ok.example/"onmouseover="x',
      `https://ok.example/${'a'.repeat(3000)}`,
      42,
      null,
      undefined,
    ]) {
      expect(isSafeExternalUrl(url), String(url)).toBe(false);
    }
  });
});

describe('isAppUrl and isAllowedRendererRequest', () => {
  it('recognise only our own origin', () => {
    expect(isAppUrl('app://ksef-desk/index.html')).toBe(true);
    for (const url of ['app://ksef-desk.evil/', 'app://evil/ksef-desk', 'https://ksef-desk/', 'app://user@ksef-desk/', 'app:ksef-desk']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('let the renderer load its own files and inline images but nothing from the network', () => {
    expect(isAllowedRendererRequest('app://ksef-desk/assets/a.js')).toBe(true);
    expect(isAllowedRendererRequest('data:image/png;base64,AAAA')).toBe(true);
    for (const url of ['https://api.ksef.mf.gov.pl/v2/auth/challenge', 'http://127.0.0.1:1234/', 'ws://127.0.0.1/', 'file:///etc/hosts']) {
      expect(isAllowedRendererRequest(url), url).toBe(false);
    }
  });
});
