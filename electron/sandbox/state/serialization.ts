/** JSON with Buffers kept as `{"$base64": "..."}` so binary state (keys, certificates, invoices) survives a file round trip. */
export function serializeState(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, converted: unknown) {
    const original = this[key];
    if (Buffer.isBuffer(original)) return { $base64: original.toString('base64') };
    return converted;
  });
}

export function deserializeState(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length === 1 && typeof record.$base64 === 'string') return Buffer.from(record.$base64, 'base64');
    }
    return value;
  });
}
