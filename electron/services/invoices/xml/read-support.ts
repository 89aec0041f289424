/** Helpers for mapping the parsed FA(3) tree onto the model: consume typed children, keep the rest. */
import { FA3_NAMESPACE } from '../../../../shared/domain/invoice/codes';
import type { XmlNode } from '../../../../shared/domain/invoice/model';
import type { XmlElement } from './xml-parser';

/** The document is well-formed FA(3) XML but not shaped as the schema requires. */
export class Fa3ContentError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function leafText(element: XmlElement, path: string): string {
  if (element.children.length > 0) throw new Fa3ContentError(`${path} must hold a value, not elements`, path, element.offset);
  return element.text.trim();
}

export function toNode(element: XmlElement, path: string): XmlNode {
  if (element.ns !== FA3_NAMESPACE) {
    throw new Fa3ContentError(`${path}/${element.name} is not in the FA(3) namespace`, path, element.offset);
  }
  const node: XmlNode = { name: element.name };
  if (element.attributes) node.attributes = { ...element.attributes };
  if (element.children.length > 0) {
    node.children = element.children.map((child) => toNode(child, `${path}/${element.name}`));
  } else {
    const text = element.text.trim();
    if (text !== '') node.text = text;
  }
  return node;
}

/** Containers with more children than this get a by-name index (Fa with thousands of FaWiersz). */
const INDEX_THRESHOLD = 32;

/** Reads one element's children by name; whatever is not taken can be kept as preserved nodes. */
export class Children {
  private readonly used: boolean[];
  private readonly positions: Map<string, number[]> | undefined;

  constructor(
    readonly element: XmlElement,
    readonly path: string,
  ) {
    const children = element.children;
    this.used = new Array<boolean>(children.length).fill(false);
    if (children.length > INDEX_THRESHOLD) this.positions = new Map();
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index] as XmlElement;
      if (child.ns !== FA3_NAMESPACE) {
        throw new Fa3ContentError(`${path}/${child.name} is not in the FA(3) namespace`, path, child.offset);
      }
      if (this.positions) {
        const list = this.positions.get(child.name);
        if (list) list.push(index);
        else this.positions.set(child.name, [index]);
      }
    }
  }

  /** Positions of the children called `name` (every position when there is no index; callers compare names). */
  private candidates(name: string): Iterable<number> {
    return this.positions ? (this.positions.get(name) ?? []) : this.used.keys();
  }

  one(name: string): XmlElement | undefined {
    for (const index of this.candidates(name)) {
      const child = this.element.children[index];
      if (child && !this.used[index] && child.name === name) {
        this.used[index] = true;
        return child;
      }
    }
    return undefined;
  }

  all(name: string): XmlElement[] {
    const found: XmlElement[] = [];
    for (const index of this.candidates(name)) {
      const child = this.element.children[index];
      if (child && !this.used[index] && child.name === name) {
        this.used[index] = true;
        found.push(child);
      }
    }
    return found;
  }

  required(name: string): XmlElement {
    const child = this.one(name);
    if (!child) throw new Fa3ContentError(`${this.path}/${name} is missing`, `${this.path}/${name}`, this.element.offset);
    return child;
  }

  text(name: string): string | undefined {
    const child = this.one(name);
    return child ? leafText(child, `${this.path}/${name}`) : undefined;
  }

  requiredText(name: string): string {
    return leafText(this.required(name), `${this.path}/${name}`);
  }

  allText(name: string): string[] {
    return this.all(name).map((child) => leafText(child, `${this.path}/${name}`));
  }

  /** TWybor1 / TWybor1_2 flag: true for 1, false for 2 or absent. */
  flag(name: string): boolean {
    const value = this.text(name);
    return value !== undefined && Number(value) === 1;
  }

  /** Present TWybor1 marker (value 1) → true, absent → undefined (so the model round-trips). */
  marker(name: string): true | undefined {
    return this.one(name) ? true : undefined;
  }

  has(name: string): boolean {
    for (const index of this.candidates(name)) {
      if (!this.used[index] && this.element.children[index]?.name === name) return true;
    }
    return false;
  }

  /** The children not taken, as preserved nodes (undefined when none). */
  rest(): XmlNode[] | undefined {
    const rest: XmlNode[] = [];
    this.element.children.forEach((child, index) => {
      if (!this.used[index]) rest.push(toNode(child, this.path));
    });
    return rest.length > 0 ? rest : undefined;
  }

  /** For fully typed structures: anything left over means the XML does not follow FA(3). */
  done(): void {
    const index = this.used.indexOf(false);
    const child = index === -1 ? undefined : this.element.children[index];
    if (child) throw new Fa3ContentError(`Unexpected element ${this.path}/${child.name}`, this.path, child.offset);
  }
}

/** Sets `key` on `target` only when the value is defined (keeps absent fields absent). */
export function assignDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** Checks a value against a closed code list. */
export function oneOf<T extends string>(list: readonly T[], value: string | undefined, path: string, offset: number): T | undefined {
  if (value === undefined) return undefined;
  const normalised = /^\d+$/.test(value) ? String(Number(value)) : value;
  if ((list as readonly string[]).includes(normalised)) return normalised as T;
  throw new Fa3ContentError(`${path}: "${value}" is not an allowed value`, path, offset);
}
