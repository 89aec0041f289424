/** A small seeded PRNG (mulberry32) with pickers, so generated test data is reproducible from a seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
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
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  digits(count: number): string {
    let out = '';
    for (let index = 0; index < count; index += 1) out += String(this.int(0, 9));
    return out;
  }

  /** Decimal text with up to `fraction` decimals in [0, max). */
  decimal(max: number, fraction: number): string {
    const whole = this.int(0, max - 1);
    const decimals = this.int(0, fraction);
    return decimals === 0 ? String(whole) : `${whole}.${this.digits(decimals - 1)}${this.int(1, 9)}`;
  }

  /** Optional value: present with the given probability. */
  maybe<T>(probability: number, make: () => T): T | undefined {
    return this.chance(probability) ? make() : undefined;
  }

  date(fromYear = 2025, toYear = 2027): string {
    const year = this.int(fromYear, toYear);
    const month = this.int(1, 12);
    const day = this.int(1, 28);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
}

const WORDS = [
  'usługa', 'towar', 'Kraków', 'Łódź', 'zażółć', 'gęślą', 'jaźń', 'A&B', 'x<y', 'a>b', '"cytat"', "O'Brien",
  'serwis', 'montaż', 'Spółka', 'z o.o.', 'café', 'Straße', '100%', '#1', 'ąęśćżźńół', 'ĄĘŚĆŻŹŃÓŁ',
];

/** A short phrase (with XML-special and Polish characters) of at most `max` characters. */
export function phrase(random: Random, max = 60): string {
  const count = random.int(1, 4);
  const words: string[] = [];
  for (let index = 0; index < count; index += 1) words.push(random.pick(WORDS));
  return words.join(' ').slice(0, max).trim() || 'x';
}
