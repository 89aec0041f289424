/** Deterministic pseudo-random source (mulberry32) so seeded sandbox data is identical on every run. */
import { nipCheckDigit } from '../../../shared/domain/nip';

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('Cannot pick from an empty list');
    return item;
  }

  digits(count: number): string {
    return Array.from({ length: count }, () => String(this.int(0, 9))).join('');
  }

  hex(count: number): string {
    return Array.from({ length: count }, () => this.int(0, 15).toString(16).toUpperCase()).join('');
  }

  /** A NIP matching the spec pattern with a correct checksum. */
  nip(): string {
    for (;;) {
      const firstNine = `${this.int(1, 9)}${this.int(1, 9)}${this.digits(7)}`;
      const check = nipCheckDigit(firstNine);
      if (check !== undefined) return `${firstNine}${check}`;
    }
  }

  /** RFC 4122-shaped identifier (not cryptographically random — only for UU_ID line keys). */
  uuid(): string {
    const h = this.hex(32).toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
