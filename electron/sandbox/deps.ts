import type { JwtService } from './auth/jwt';
import type { SandboxCrypto } from './crypto/material';
import type { Router } from './server/router';
import type { Clock } from './server/clock';
import type { SandboxStore } from './state/store';

/** What every route module receives. */
export interface SandboxDeps {
  store: SandboxStore;
  clock: Clock;
  crypto: SandboxCrypto;
  jwt: JwtService;
  log: (line: string) => void;
  /** FA(3) XSD from this KSeF pack (or schema folder) instead of the copy the app ships. */
  schemaDir?: string;
  /** Initial received-invoice seeding requests from `--seed-received NIP:COUNT` (the invoices module consumes them). */
  seedReceived: { nip: string; count: number }[];
}

/** A module that adds routes; listed in routes.ts. */
export type RouteModule = (router: Router, deps: SandboxDeps) => void;
