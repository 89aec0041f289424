import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { hasTool, runTool, skipNote, tempDir } from '../../../../test/fixtures/xades/xades-test-kit';
import { canonicalize, type C14nFlavour } from './c14n';

const XMLLINT = hasTool('xmllint');

// Namespace undeclaration, prefixed attributes in unsorted order, entities, CR, tabs, CDATA, comments, PIs.
const TRICKY = `<?xml version="1.0" encoding="utf-8"?>
<!-- before -->
<r:root xmlns:r="urn:r" xmlns="urn:default" xmlns:unused="urn:unused" b="2" a="1" r:z="&quot;&lt;&#9;&#xA;&#xD;">
  <child xmlns="" z:y="1" xmlns:z="urn:z" x="0">text &amp; &lt;tag&gt; &#xD; <![CDATA[<cdata> & ]]></child>
  <inner xml:lang="pl"><deep xmlns:r="urn:r">v<!-- in --></deep></inner>
</r:root>
<!-- after -->
`;

describe('canonicalize against xmllint (libxml2) as the reference', () => {
  const cases: Array<[string, C14nFlavour, boolean]> = [
    ['--c14n', 'c14n10', true],
    ['--c14n11', 'c14n11', true],
    ['--exc-c14n', 'exclusive', true],
  ];
  it.skipIf(!XMLLINT).each(cases)(`whole document matches xmllint %s${skipNote(XMLLINT, 'xmllint not installed')}`, (flag, flavour, withComments) => {
    const temp = tempDir();
    try {
      const expected = runTool('xmllint', [flag, temp.file('doc.xml', TRICKY)]);
      expect(expected.status).toBe(0);
      const document = new DOMParser().parseFromString(TRICKY, 'application/xml');
      expect(canonicalize(document, { flavour, withComments })).toBe(expected.output);
    } finally {
      temp.cleanup();
    }
  });

  it('renders inherited namespaces on a subtree apex (inclusive) but only used ones (exclusive)', () => {
    const document = new DOMParser().parseFromString(TRICKY, 'application/xml');
    const deep = document.getElementsByTagName('deep').item(0) as Element;
    expect(canonicalize(deep, { flavour: 'c14n10', withComments: false })).toBe(
      '<deep xmlns="urn:default" xmlns:r="urn:r" xmlns:unused="urn:unused" xml:lang="pl">v</deep>',
    );
    expect(canonicalize(deep, { flavour: 'exclusive', withComments: false })).toBe('<deep xmlns="urn:default">v</deep>');
    expect(canonicalize(deep, { flavour: 'exclusive', withComments: true, inclusivePrefixes: ['unused'] })).toBe(
      '<deep xmlns="urn:default" xmlns:unused="urn:unused">v<!-- in --></deep>',
    );
  });
});
