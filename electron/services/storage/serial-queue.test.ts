import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial-queue';

describe('SerialQueue', () => {
  it('runs operations one at a time in call order, passing each its own outcome', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const slow = queue.run(async () => {
      log.push('a start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push('a end');
      return 'a';
    });
    const failing = queue.run(async () => {
      log.push('b');
      throw new Error('b failed');
    });
    const after = queue.run(async () => {
      log.push('c');
      return 'c';
    });
    await expect(slow).resolves.toBe('a');
    await expect(failing).rejects.toThrow('b failed');
    await expect(after).resolves.toBe('c');
    expect(log).toEqual(['a start', 'a end', 'b', 'c']);
  });
});
