import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { ksefPackDir } from '../../../test/helpers/ksef-pack';
import { hasTool, runTool, skipNote, tempDir } from '../../../test/fixtures/xades/xades-test-kit';
import { AUTH_TOKEN_NAMESPACES, buildAuthTokenRequestXml, type AuthTokenRequestInput } from './auth-token-request';

const PACK = ksefPackDir();
const XMLLINT = hasTool('xmllint');
const CHALLENGE = '20250604-CR-461EA5B000-537A6BA15D-D7';

const base: AuthTokenRequestInput = {
  challenge: CHALLENGE,
  contextIdentifier: { type: 'Nip', value: '5265877635' },
  subjectIdentifierType: 'certificateSubject',
};

describe('buildAuthTokenRequestXml', () => {
  it('matches the official Nip sample element for element', () => {
    expect(buildAuthTokenRequestXml(base)).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n' +
        '<AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.0">\n' +
        `  <Challenge>${CHALLENGE}</Challenge>\n` +
        '  <ContextIdentifier>\n    <Nip>5265877635</Nip>\n  </ContextIdentifier>\n' +
        '  <SubjectIdentifierType>certificateSubject</SubjectIdentifierType>\n' +
        '</AuthTokenRequest>\n',
    );
  });

  it('uses the 2.1 namespace on request and writes AllowedIps in schema order', () => {
    const xml = buildAuthTokenRequestXml({
      ...base,
      namespaceVersion: '2.1',
      allowedIps: { ip4Masks: ['10.0.0.0/8'], ip4Ranges: ['10.0.0.1-10.0.0.9'], ip4Addresses: ['1.2.3.4'] },
    });
    expect(xml).toContain(`xmlns="${AUTH_TOKEN_NAMESPACES['2.1']}"`);
    expect(xml.indexOf('Ip4Address')).toBeLessThan(xml.indexOf('Ip4Range'));
    expect(xml.indexOf('Ip4Range')).toBeLessThan(xml.indexOf('Ip4Mask'));
  });

  it('escapes markup characters in values', () => {
    const xml = buildAuthTokenRequestXml({ ...base, challenge: 'a<b>&"c"' });
    expect(xml).toContain('<Challenge>a&lt;b&gt;&amp;&quot;c&quot;</Challenge>');
    const parsed = new DOMParser().parseFromString(xml, 'application/xml');
    expect(parsed.getElementsByTagName('Challenge').item(0)?.textContent).toBe('a<b>&"c"');
  });

  it('refuses more than ten entries per IP list', () => {
    const ip4Addresses = Array.from({ length: 11 }, (_, i) => `10.0.0.${i}`);
    expect(() => buildAuthTokenRequestXml({ ...base, allowedIps: { ip4Addresses } })).toThrow(RangeError);
  });

  const variants: Array<[string, AuthTokenRequestInput]> = [
    ['Nip', base],
    ['InternalId + fingerprint', { ...base, contextIdentifier: { type: 'InternalId', value: '5265877635-12345' }, subjectIdentifierType: 'certificateFingerprint' }],
    ['AllowedIps', { ...base, allowedIps: { ip4Addresses: ['192.168.1.1'], ip4Ranges: ['10.0.0.1-10.0.0.20'], ip4Masks: ['172.16.0.0/12'] } }],
  ];
  it.skipIf(!PACK || !XMLLINT).each(variants)(
    `is accepted by the auth v2-1 XSD after namespace normalisation: %s${skipNote(Boolean(PACK), 'KSeF pack not found (KSEF_SCHEMA_DIR or ../shared/ksef)')}${skipNote(XMLLINT, 'xmllint not installed')}`,
    (_name, input) => {
      const schema = join(PACK as string, 'schemas', 'auth', 'schemat_auth_v2-1.xsd');
      // v2-0 does not compile in libxml2 (pack README), so validate the 2.0 document as 2.1.
      const xml = buildAuthTokenRequestXml(input).replace(AUTH_TOKEN_NAMESPACES['2.0'], AUTH_TOKEN_NAMESPACES['2.1']);
      const temp = tempDir();
      try {
        const result = runTool('xmllint', ['--noout', '--nonet', '--schema', schema, temp.file('request.xml', xml)]);
        expect(result.output).toContain('validates');
        expect(result.status).toBe(0);
      } finally {
        temp.cleanup();
      }
    },
  );
});
