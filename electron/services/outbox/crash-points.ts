/**
 * Test hook for the crash tests: `KSEF_DESK_CRASH_AT=<point>` makes the process kill itself with SIGKILL
 * (no cleanup, no flush — like pulling the plug) the moment it reaches that journal point. Unset, it costs
 * one environment lookup.
 */
export type CrashPoint =
  | 'online:opened'
  | 'online:before-send'
  | 'online:after-send'
  | 'online:submitted'
  | 'online:accepted'
  | 'batch:prepared'
  | 'batch:opened'
  | 'batch:uploaded'
  | 'batch:close-sent'
  | 'batch:closed';

export function crashPoint(point: CrashPoint): void {
  if (process.env.KSEF_DESK_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
