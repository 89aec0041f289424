import type { SandboxDeps } from '../deps';

/**
 * KSeF processes enrollments, token activation and permission operations asynchronously: the POST
 * answers 202 and the status moves on later. The sandbox finishes the work right after the response
 * (next macrotask), so clients must poll exactly as they would against KSeF.
 */
export function runSoon(deps: SandboxDeps, label: string, task: () => Promise<void> | void): void {
  setImmediate(() => {
    Promise.resolve()
      .then(task)
      .catch((error: unknown) => deps.log(`sandbox: ${label} failed: ${error instanceof Error ? error.message : String(error)}`));
  });
}
