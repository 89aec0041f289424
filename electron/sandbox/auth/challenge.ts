import { newChallenge } from '../ids/reference-number';
import { formatKsefDateTime } from '../server/clock';
import { badRequest } from '../server/errors';
import { json, type Router } from '../server/router';
import { challenges } from '../state/core-slices';
import type { SandboxStore } from '../state/store';
import type { ChallengeRecord } from '../state/types';
import type { SandboxDeps } from '../deps';

export const CHALLENGE_LIFETIME_MS = 10 * 60_000;

/** POST /auth/challenge — no body; lives 10 minutes, usable once. */
export function registerChallengeRoute(router: Router, deps: SandboxDeps): void {
  router.post('/auth/challenge', (ctx) => {
    const now = deps.clock.now();
    pruneChallenges(deps.store, now);
    const record: ChallengeRecord = { challenge: newChallenge(now), timestampMs: now.getTime(), clientIp: ctx.clientIp, used: false };
    challenges(deps.store)[record.challenge] = record;
    deps.store.changed();
    return json(200, {
      challenge: record.challenge,
      timestamp: formatKsefDateTime(now),
      timestampMs: record.timestampMs,
      clientIp: record.clientIp,
    });
  });
}

/** Marks the challenge used; unknown, expired or reused → 400 21111. */
export function consumeChallenge(store: SandboxStore, challenge: string, now: Date): ChallengeRecord {
  const record = challenges(store)[challenge];
  if (!record) throw badRequest(21111, `Wyzwanie ${challenge} nie istnieje.`);
  if (now.getTime() - record.timestampMs > CHALLENGE_LIFETIME_MS) throw badRequest(21111, `Wyzwanie ${challenge} wygasło.`);
  if (record.used) throw badRequest(21111, `Wyzwanie ${challenge} zostało już wykorzystane.`);
  record.used = true;
  store.changed();
  return record;
}

/** Drops challenges well past their lifetime so the state file does not grow forever. */
function pruneChallenges(store: SandboxStore, now: Date): void {
  const all = challenges(store);
  for (const [key, record] of Object.entries(all)) {
    if (now.getTime() - record.timestampMs > 2 * CHALLENGE_LIFETIME_MS) delete all[key];
  }
}
