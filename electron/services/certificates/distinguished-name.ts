import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

/** Readable names for the subject attributes that matter for KSeF, keyed by name (see PROTOCOL.md §4.2, §11). */
const ATTRIBUTE_NAMES: Record<string, string> = {
  CN: '2.5.4.3',
  SN: '2.5.4.4', // surname, as OpenSSL prints it
  serialNumber: '2.5.4.5',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  title: '2.5.4.12',
  GN: '2.5.4.42',
  initials: '2.5.4.43',
  uniqueIdentifier: '2.5.4.45',
  organizationIdentifier: '2.5.4.97',
  emailAddress: '1.2.840.113549.1.9.1',
  DC: '0.9.2342.19200300.100.1.25',
};

export interface DistinguishedName {
  /** RFC 4514-style text in certificate order, e.g. `CN=Jan Kowalski, serialNumber=TINPL-5265877635, C=PL`. */
  text: string;
  /** Values per attribute name (unknown attributes keyed by dotted OID). */
  attributes: Record<string, string[]>;
}

/** Parses a DER-encoded X.501 Name (as found in a certificate) into text and an attribute map. */
export function parseDistinguishedName(nameDer: ArrayBuffer): DistinguishedName {
  const name = new x509.Name(nameDer, ATTRIBUTE_NAMES);
  const attributes: Record<string, string[]> = {};
  for (const relativeName of name.toJSON()) {
    for (const [attribute, values] of Object.entries(relativeName)) {
      attributes[attribute] = [...(attributes[attribute] ?? []), ...values];
    }
  }
  return { text: name.toString(), attributes };
}

export function firstAttribute(name: DistinguishedName, attribute: string): string | undefined {
  return name.attributes[attribute]?.[0];
}
