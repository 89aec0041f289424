import { DebouncedWriter, loadStateFile, type StateData } from './persistence';

/**
 * The sandbox's whole in-memory state, as named slices. Each module owns its slices
 * (`store.slice('invoices', () => ({}))`) and mutates them in place; `changed()` schedules a save.
 * Slice values must be JSON-friendly (plain objects, arrays, strings, numbers, booleans, null, Buffers).
 */
export class SandboxStore {
  private writer: DebouncedWriter | undefined;

  private constructor(private readonly data: StateData) {}

  static inMemory(): SandboxStore {
    return new SandboxStore({});
  }

  /** Loads `path` if it exists and saves back to it (debounced) after every change. */
  static persistent(path: string, onError?: (error: Error) => void): SandboxStore {
    const store = new SandboxStore(loadStateFile(path));
    store.writer = new DebouncedWriter(path, () => store.data, 200, onError);
    return store;
  }

  slice<T>(name: string, init: () => T): T {
    if (!(name in this.data)) this.data[name] = init();
    return this.data[name] as T;
  }

  /** Replaces a slice wholesale (for slices that are not objects mutated in place). */
  setSlice<T>(name: string, value: T): void {
    this.data[name] = value;
    this.changed();
  }

  changed(): void {
    this.writer?.schedule();
  }

  /** Writes pending changes now; call before shutdown. */
  flush(): void {
    this.writer?.flush();
  }

  get persistent(): boolean {
    return this.writer !== undefined;
  }
}
