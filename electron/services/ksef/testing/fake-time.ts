import type { KsefTime } from '../time';

/** Virtual time for tests: sleeping advances the clock instantly and is recorded. */
export class FakeTime implements KsefTime {
  readonly sleeps: number[] = [];

  constructor(private current = Date.parse('2026-03-02T10:00:00.000Z')) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.current += Math.max(0, ms);
    // Let other queued work run, as a real timer would.
    await Promise.resolve();
  }
}
