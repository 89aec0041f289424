import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../server/read-body';
import type { FaultInjector } from './injector';
import { FaultPlanError, parseFaultPlan } from './plan';

export const FAULTS_ADMIN_PATH = '/__sandbox/faults';

export function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.');
}

function reply(res: ServerResponse, status: number, value?: unknown): void {
  const body = value === undefined ? '' : JSON.stringify(value);
  res.writeHead(status, value === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' });
  res.end(body);
}

/**
 * GET/PUT/DELETE /__sandbox/faults — read, replace (JSON plan or compact text) or clear the fault plan.
 * Refused (403) unless the caller is on a loopback address.
 */
export function createFaultsAdmin(faults: FaultInjector) {
  return async (req: IncomingMessage, res: ServerResponse, path: string, clientIp: string): Promise<boolean> => {
    if (!path.startsWith('/__sandbox/')) return false;
    if (!isLoopback(clientIp)) {
      reply(res, 403, { title: 'Forbidden', status: 403, detail: 'Admin API is available from loopback only.' });
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
