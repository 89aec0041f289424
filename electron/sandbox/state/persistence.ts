import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserializeState, serializeState } from './serialization';

export type StateData = Record<string, unknown>;

/** Reads the state file; a missing file means a fresh sandbox. */
export function loadStateFile(path: string): StateData {
  if (!existsSync(path)) return {};
  const parsed = deserializeState(readFileSync(path, 'utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`sandbox state file is not an object: ${path}`);
  return parsed as StateData;
}

/** Atomic replace: write a private temp file, fsync it, rename over the target — a crash leaves the old or the new file, never half of one. */
export function writeStateFileAtomic(path: string, data: StateData): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, serializeState(data));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/** Coalesces bursts of changes into one write after `delayMs`. */
export class DebouncedWriter {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly path: string,
    private readonly snapshot: () => StateData,
    private readonly delayMs = 200,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.writeNow();
    }, this.delayMs);
    this.timer.unref();
  }

  /** Writes immediately if a write is pending (used on close). */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writeNow();
  }

  private writeNow(): void {
    try {
      writeStateFileAtomic(this.path, this.snapshot());
    } catch (error) {
      this.onError(error as Error);
    }
  }
}
