/** Thin wrapper around the system `xmllint` (libxml2-utils) used for offline XSD validation. */
import { execFile } from 'node:child_process';

export interface XmllintRun {
  /** Process exit code (0 = everything valid; 1–5 per xmllint's conventions). */
  exitCode: number;
  /** stdout and stderr together; xmllint reports verdicts and errors on stderr. */
  output: string;
}

export interface XmllintOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  xmllintPath?: string;
  timeoutMs?: number;
}

/** Exit code xmllint uses when the schema itself cannot be compiled. */
export const XMLLINT_SCHEMA_COMPILE_FAILED = 5;

export function runXmllint(args: readonly string[], options: XmllintOptions = {}): Promise<XmllintRun> {
  return new Promise((resolve, reject) => {
    execFile(
      options.xmllintPath ?? 'xmllint',
      [...args],
      { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 256 * 1024 * 1024, timeout: options.timeoutMs ?? 600_000 },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        if (!error) return resolve({ exitCode: 0, output });
        // A non-zero exit just means "something was invalid"; only spawn failures and kills are real errors.
        if (typeof error.code === 'number' && !error.killed) return resolve({ exitCode: error.code, output });
        reject(new Error(`xmllint could not run: ${error.message}`));
      },
    );
  });
}

let availability: Promise<boolean> | undefined;

/** Whether `xmllint` can be executed (cached). */
export function isXmllintAvailable(xmllintPath = 'xmllint'): Promise<boolean> {
  availability ??= runXmllint(['--version'], { xmllintPath }).then(
    (run) => run.exitCode === 0,
    () => false,
  );
  return availability;
}
