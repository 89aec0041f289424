import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../server/read-body';
import type { FaultInjector } from './injector';
import { FaultPlanError, parseFaultPlan } from './plan';

export const FAULTS_ADMIN_PATH = '/__sandbox/faults';
/** The per-run secret travels in this header (a loopback address alone proves nothing: any local program has one). */
export const FAULTS_ADMIN_SECRET_HEADER = 'x-sandbox-admin-secret';

export function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.');
}

function reply(res: ServerResponse, status: number, value?: unknown): void {
  const body = value === undefined ? '' : JSON.stringify(value);
  res.writeHead(status, value === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' });
  res.end(body);
}

/** Constant-time comparison; hashing first makes the lengths equal. */
function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/**
 * GET/PUT/DELETE /__sandbox/faults — read, replace (JSON plan or compact text) or clear the fault plan.
 * Refused (403) unless the caller is on a loopback address, and (401) without the run's secret.
 */
export function createFaultsAdmin(faults: FaultInjector, secret: string) {
  if (secret.length < 16) throw new Error('the fault-admin secret must have at least 16 characters');
  return async (req: IncomingMessage, res: ServerResponse, path: string, clientIp: string): Promise<boolean> => {
    if (!path.startsWith('/__sandbox/')) return false;
    if (!isLoopback(clientIp)) {
      reply(res, 403, { title: 'Forbidden', status: 403, detail: 'Admin API is available from loopback only.' });
      return true;
    }
    if (!secretMatches(req.headers[FAULTS_ADMIN_SECRET_HEADER], secret)) {
      reply(res, 401, { title: 'Unauthorized', status: 401, detail: `The ${FAULTS_ADMIN_SECRET_HEADER} header is missing or wrong.` });
      return true;
    }
    if (path !== FAULTS_ADMIN_PATH) {
      reply(res, 404, { title: 'Not Found', status: 404, detail: path });
      return true;
    }
    switch (req.method) {
      case 'GET':
        reply(res, 200, faults.current());
        return true;
      case 'PUT':
        try {
          faults.setPlan(parseFaultPlan((await readBody(req, 64 * 1024)).toString('utf8')));
          reply(res, 200, faults.current());
        } catch (error) {
          if (!(error instanceof FaultPlanError) && !(error instanceof SyntaxError)) throw error;
          reply(res, 400, { title: 'Bad Request', status: 400, detail: error.message });
        }
        return true;
      case 'DELETE':
        faults.clear();
        reply(res, 204);
        return true;
      default:
        reply(res, 405, { title: 'Method Not Allowed', status: 405, detail: String(req.method) });
        return true;
    }
  };
}
