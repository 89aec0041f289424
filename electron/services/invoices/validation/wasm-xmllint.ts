/**
 * libxml2's xmllint compiled to WebAssembly (xmllint-wasm), run in one long-lived worker thread.
 *
 * xmllint-wasm's own `validateXML` starts a new worker and compiles the 0.8 MB module on every call; here the
 * worker and the compiled WebAssembly.Module stay warm, and each run only instantiates the module and runs
 * `xmllint` once over all the files it is given. The worker keeps the main process's event loop free while
 * libxml2 compiles the schema (~0.3–0.5 s) and validates. The worker is unref'd so it never keeps a CLI alive.
 * Both files are read here (asar-aware fs in Electron) and handed to the worker, so the worker touches no paths.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { XMLLINT_JS_FILE, XMLLINT_WASM_FILE, xmllintWasmDir } from './runtime-assets';

export interface XmllintFile {
  /** Path inside the in-memory file system; may be an http URL to stand in for a remote schemaLocation. */
  fileName: string;
  contents: Uint8Array | string;
}

export interface XmllintRun {
  /** xmllint's exit code: 0 all valid, 1 parse error, 3/4 validation error, 5 schema did not compile; -1 abort. */
  exitCode: number;
  stderr: string;
}

/** WebAssembly pages (64 KiB): 16 MiB to start, up to 2 GiB for very large batches or documents. */
const INITIAL_MEMORY_PAGES = 256;
const MAX_MEMORY_PAGES = 32_768;

// Plain CommonJS run with `eval: true`; kept as a string so bundling cannot rewrite it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loaderModule = { exports: {} };
new Function('module', 'exports', 'require', '__filename', '__dirname', workerData.loaderSource)(
  loaderModule, loaderModule.exports, require, 'xmllint-node.js', '.');
const createXmllint = loaderModule.exports;
const compiled = WebAssembly.compile(workerData.wasm);
parentPort.on('message', async (request) => {
  if (!request || request.kind !== 'ksef-desk-xmllint') return;
  let stderr = '';
  let answered = false;
  const answer = (exitCode) => {
    if (answered) return;
    answered = true;
    parentPort.postMessage({ id: request.id, exitCode, stderr });
  };
  try {
    const module = await compiled;
    await createXmllint({
      inputFiles: request.files,
      arguments: request.args,
      print() {},
      printErr(text) { stderr += text + '\\n'; },
      onExit: answer,
      onAbort(reason) { stderr += 'WASM abort: ' + reason + '\\n'; answer(-1); },
      instantiateWasm(imports, done) {
        WebAssembly.instantiate(module, imports).then((instance) => done(instance), (error) => { stderr += String(error); answer(-1); });
        return {};
      },
      wasmMemory: new WebAssembly.Memory({ initial: request.initialPages, maximum: request.maxPages }),
    });
  } catch (error) {
    stderr += String(error && error.message ? error.message : error) + '\\n';
    answer(-1);
  }
});
`;

interface PendingRun {
  resolve: (run: XmllintRun) => void;
  reject: (error: Error) => void;
}

export class WasmXmllint {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, PendingRun>();
  /** Runs are serialised: one xmllint at a time, so memory stays bounded and order is kept. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly assetDir: string = xmllintWasmDir()) {}

  /** Runs `xmllint args…` over the given in-memory files. */
  run(files: readonly XmllintFile[], args: readonly string[]): Promise<XmllintRun> {
    const run = this.queue.then(() => this.post(files, args));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the worker (the next run starts a new one). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private post(files: readonly XmllintFile[], args: readonly string[]): Promise<XmllintRun> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<XmllintRun>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ kind: 'ksef-desk-xmllint', id, files, args, initialPages: INITIAL_MEMORY_PAGES, maxPages: MAX_MEMORY_PAGES });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        loaderSource: readFileSync(join(this.assetDir, XMLLINT_JS_FILE), 'utf8'),
        wasm: readFileSync(join(this.assetDir, XMLLINT_WASM_FILE)),
      },
    });
    worker.unref();
    worker.on('message', (message: { id: number; exitCode: number; stderr: string }) => {
      const entry = this.pending.get(message.id);
      if (!entry) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      entry.resolve({ exitCode: message.exitCode, stderr: message.stderr });
    });
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = undefined;
      for (const entry of this.pending.values()) entry.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The xmllint worker stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }
}
