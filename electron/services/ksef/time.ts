/** Time source for the client; tests inject a fake one so waits cost nothing and are countable. */
export interface KsefTime {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemTime: KsefTime = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * Parses KSeF date-times. The server prints 7 fractional digits (`…56.0154302+00:00`); we keep
 * milliseconds so parsing does not depend on how lenient the JS engine is.
 */
export function parseKsefDateTime(value: string): Date {
  const trimmed = value.replace(/(\.\d{3})\d+/, '$1');
  const date = new Date(trimmed);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date-time: ${value}`);
  return date;
}
