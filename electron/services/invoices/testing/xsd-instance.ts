/**
 * Test helper: random FA(3) documents generated from the XSD itself (not from our model), so the reader is
 * proven on shapes our writer never produces: every optional element, every choice branch, repeated
 * elements. Values follow each simple type's facets; the few regex-constrained types get known-good values.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FA3_NAMESPACE } from '../../../../shared/domain/invoice/codes';
import { FA3_SCHEMA_FILE } from '../validation/runtime-assets';
import { escapeAttribute, escapeText } from '../xml/xml-text';
import { parseXml, type XmlElement } from '../xml/xml-parser';
import { phrase, type Random } from './prng';
import { randomNip } from './random-extras';

interface Types {
  fa: Map<string, XmlElement>;
  etd: Map<string, XmlElement>;
}

/** Values for types and elements whose patterns a facet-driven generator cannot satisfy. */
const KNOWN_VALUES: Readonly<Record<string, (random: Random) => string>> = {
  TNrNIP: randomNip,
  TNIPIdWew: (random) => `${randomNip(random)}-${random.digits(5)}`,
  TNrVatUE: (random) => random.digits(9),
  TNumerKSeF: (random) => `${randomNip(random)}-20260115-${random.pick(['ABCDEF', '0A1B2C'])}-123456-7A`,
  SWIFT_Type: (random) => random.pick(['BPKOPLPW', 'DEUTDEFF500']),
  TAdresEmail: () => 'jan.kowalski@example.pl',
  TNrKRS: (random) => random.digits(10),
  TNrREGON: (random) => random.digits(random.pick([9, 14])),
  LinkDoPlatnosci: () => 'https://pay.example.pl/p?IPKSeF=123AB12345678',
  IPKSeF: () => '123AB12345678',
  TNrRB: (random) => `PL${random.digits(26)}`,
};

function loadTypes(schemaDir: string): Types {
  const read = (file: string) => parseXml(readFileSync(path.join(schemaDir, file), 'utf8'));
  const fa = read(FA3_SCHEMA_FILE);
  const etdFiles = ['StrukturyDanych_v10-0E.xsd', 'ElementarneTypyDanych_v10-0E.xsd', 'KodyKrajow_v10-0E.xsd'].map((file) => read(path.join('bazowe', file)));
  const index = (roots: XmlElement[]) => {
    const map = new Map<string, XmlElement>();
    for (const root of roots) for (const child of root.children) if (child.attributes?.name) map.set(child.attributes.name, child);
    return map;
  };
  return { fa: index([fa]), etd: index(etdFiles) };
}

const child = (node: XmlElement, name: string) => node.children.find((c) => c.name === name);

export class Fa3InstanceGenerator {
  private readonly types: Types;
  private readonly root: XmlElement;

  constructor(schemaDir: string) {
    this.types = loadTypes(schemaDir);
    const root = this.types.fa.get('Faktura');
    if (!root) throw new Error('Faktura element not found in the FA(3) schema');
    this.root = root;
  }

  /** One random schema-valid document (values are arbitrary but well-typed). */
  generate(random: Random): string {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<Faktura xmlns="${FA3_NAMESPACE}">${this.complexContent(this.typeOf(this.root), random, 0).content}</Faktura>\n`;
  }

  private resolve(ref: string): XmlElement | string {
    const [prefix, name] = ref.includes(':') ? (ref.split(':') as [string, string]) : ['', ref];
    if (prefix === 'xsd') return name;
    const found = (prefix === 'etd' ? this.types.etd : this.types.fa).get(name);
    if (!found) throw new Error(`Unknown schema type ${ref}`);
    return found;
  }

  private typeOf(element: XmlElement): XmlElement | string {
    const ref = element.attributes?.type;
    if (ref) return this.resolve(ref);
    const inline = child(element, 'complexType') ?? child(element, 'simpleType');
    if (!inline) throw new Error(`Element ${element.attributes?.name} has no type`);
    return inline;
  }

  private occurrences(node: XmlElement, random: Random): number {
    const min = Number(node.attributes?.minOccurs ?? '1');
    const maxText = node.attributes?.maxOccurs ?? '1';
    const max = maxText === 'unbounded' ? 3 : Math.min(Number(maxText), 3);
    if (max <= min) return min;
    return random.chance(0.55) ? random.int(Math.max(min, 1), max) : min;
  }

  private particle(node: XmlElement, random: Random, depth: number): string {
    let out = '';
    const count = this.occurrences(node, random);
    for (let index = 0; index < count; index += 1) {
      if (node.name === 'element') out += this.element(node, random, depth);
      else if (node.name === 'sequence') for (const part of node.children) out += this.particle(part, random, depth);
      else if (node.name === 'choice') {
        const options = node.children.filter((part) => part.name !== 'annotation');
        out += this.particle(random.pick(options), random, depth);
      }
    }
    return out;
  }

  private element(node: XmlElement, random: Random, depth: number): string {
    const name = node.attributes?.name ?? '';
    const type = this.typeOf(node);
    if (typeof type !== 'string' && type.name === 'complexType') {
      const { attributes, content } = this.complexContent(type, random, depth + 1);
      return `<${name}${attributes}>${content}</${name}>`;
    }
    const value = node.attributes?.fixed ?? this.simpleValue(type, name, random);
    return `<${name}>${escapeText(value)}</${name}>`;
  }

  private complexContent(type: XmlElement | string, random: Random, depth: number): { attributes: string; content: string } {
    if (typeof type === 'string') throw new Error('complex content of a built-in type');
    let attributes = '';
    let content = '';
    for (const part of type.children) {
      if (part.name === 'sequence' || part.name === 'choice') content += this.particle(part, random, depth);
      else if (part.name === 'attribute') attributes += this.attribute(part, random);
      else if (part.name === 'complexContent') {
        const extension = child(part, 'extension');
        if (!extension?.attributes?.base) throw new Error('complexContent without an extension base');
        const base = this.complexContent(this.resolve(extension.attributes.base), random, depth);
        const own = this.complexContent(extension, random, depth);
        attributes += base.attributes + own.attributes;
        content += base.content + own.content;
      }
      else if (part.name === 'simpleContent') {
        const extension = child(part, 'extension');
        if (!extension?.attributes?.base) throw new Error('simpleContent without an extension base');
        content = escapeText(this.simpleValue(this.resolve(extension.attributes.base), '', random));
        for (const attribute of extension.children.filter((c) => c.name === 'attribute')) attributes += this.attribute(attribute, random);
      }
    }
    return { attributes, content };
  }

  private attribute(node: XmlElement, random: Random): string {
    if (node.attributes?.use !== 'required' && random.chance(0.5)) return '';
    const inline = child(node, 'simpleType');
    const value = node.attributes?.fixed ?? this.simpleValue(inline ?? this.resolve(node.attributes?.type ?? 'xsd:string'), '', random);
    return ` ${node.attributes?.name ?? ''}="${escapeAttribute(value)}"`;
  }

  private simpleValue(type: XmlElement | string, elementName: string, random: Random): string {
    const known = KNOWN_VALUES[elementName] ?? (typeof type === 'string' ? undefined : KNOWN_VALUES[type.attributes?.name ?? '']);
    if (known) return known(random);
    if (typeof type === 'string') return builtinValue(type, {}, random);
    const union = child(type, 'union');
    if (union) return this.simpleValue(union.children.find((c) => c.name === 'simpleType') ?? 'string', elementName, random);
    const restriction = child(type, 'restriction');
    if (!restriction) throw new Error(`Unsupported simple type ${type.attributes?.name ?? elementName}`);
    const enumerations = restriction.children.filter((c) => c.name === 'enumeration').map((c) => c.attributes?.value ?? '');
    if (enumerations.length > 0) return random.pick(enumerations);
    const facets: Facets = {};
    for (const facet of restriction.children) if (facet.attributes?.value !== undefined) facets[facet.name] = facet.attributes.value;
    const base = restriction.attributes?.base;
    if (!base) throw new Error(`Restriction without a base in ${type.attributes?.name ?? elementName}`);
    const resolved = this.resolve(base);
    if (typeof resolved !== 'string') {
      // Derived type: honour the base's own facets first, then narrow lengths/ranges with ours.
      const baseValue = this.simpleValue(resolved, elementName, random);
      const max = facets.maxLength ? Number(facets.maxLength) : undefined;
      return max !== undefined && baseValue.length > max ? baseValue.slice(0, max).trim() || 'x' : baseValue;
    }
    if (facets.pattern && !['decimal', 'date'].includes(resolved)) {
      throw new Error(`No value generator for the pattern of ${type.attributes?.name ?? elementName}: ${facets.pattern}`);
    }
    return builtinValue(resolved, facets, random);
  }
}

type Facets = Record<string, string>;

function builtinValue(type: string, facets: Facets, random: Random): string {
  switch (type) {
    case 'decimal': {
      const fraction = Math.min(Number(facets.fractionDigits ?? '2'), 2);
      const max = facets.maxInclusive ? Number(facets.maxInclusive) : 100000;
      const whole = random.int(Number(facets.minExclusive ?? '-1') >= 0 ? 1 : 0, Math.max(1, Math.min(max, 100000) - 1));
      return fraction > 0 && random.chance(0.6) ? `${whole}.${random.digits(fraction)}` : String(whole);
    }
    case 'integer':
    case 'int':
    case 'nonNegativeInteger':
    case 'byte':
      return String(random.int(1, 99));
    case 'date':
      return random.date(2026, 2026);
    case 'dateTime':
      return `${random.date(2026, 2026)}T${String(random.int(10, 23))}:30:00Z`;
    default: {
      const min = Number(facets.minLength ?? facets.length ?? '1');
      const max = Number(facets.maxLength ?? facets.length ?? '60');
      if (max === 0 || (min === 0 && random.chance(0.2))) return '';
      return phrase(random, Math.min(max, 60)).padEnd(min, 'x');
    }
  }
}
