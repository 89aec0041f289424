import type { SandboxDeps } from '../deps';
import { newReferenceNumber } from '../ids/reference-number';
import { contextKey, permissionGrants, persons } from '../state/core-slices';
import type { ContextIdentifier, StatusInfo } from '../state/types';
import { delegatingClients, syncEffectiveGrants } from './effective-grants';
import { permissionOperations, permissionRecords, type OperationAction, type PermissionRecord } from './grant-store';
import { runSoon } from './run-soon';

/** Status texts of PermissionsOperationStatusResponse (spec table). */
export const OPERATION_STATUS = {
  accepted: { code: 100, description: 'Operacja przyjęta do realizacji' },
  succeeded: { code: 200, description: 'Operacja zakończona sukcesem' },
  failed: { code: 400, description: 'Operacja zakończona niepowodzeniem' },
  contextRoleMismatch: { code: 430, description: 'Kontekst identyfikatora nie odpowiada wymaganej roli lub uprawnieniom' },
  relationNotAllowed: { code: 440, description: 'Operacja niedozwolona dla wskazanych powiązań identyfikatorów' },
} as const satisfies Record<string, StatusInfo>;

/** Records the operation at 100 and finishes it right after the response, as KSeF does asynchronously. */
export function startPermissionOperation(deps: SandboxDeps, context: ContextIdentifier, action: OperationAction): string {
  const now = deps.clock.now();
  const referenceNumber = newReferenceNumber('PO', now);
  permissionOperations(deps.store)[referenceNumber] = {
    referenceNumber,
    context,
    createdAt: now.toISOString(),
    status: { ...OPERATION_STATUS.accepted },
    action,
  };
  deps.store.changed();
  runSoon(deps, `permission operation ${referenceNumber}`, () => processPermissionOperation(deps, referenceNumber));
  return referenceNumber;
}

/** EnforcementOperations may go only to contexts of an enforcement authority or a court bailiff (spec). */
function isEnforcementContext(deps: SandboxDeps, context: ContextIdentifier): boolean {
  return Object.values(persons(deps.store)).some((p) => p.isBailiff && context.type === 'Nip' && p.nip === context.value);
}

function grantProblem(deps: SandboxDeps, record: PermissionRecord, all: PermissionRecord[]): StatusInfo | undefined {
  if (record.permission === 'EnforcementOperations' && !isEnforcementContext(deps, record.context)) {
    return { ...OPERATION_STATUS.contextRoleMismatch, details: ['Uprawnienie EnforcementOperations wymaga roli organu egzekucyjnego lub komornika.'] };
  }
  // A selective indirect grant needs the client's delegable grant to the intermediary first (spec).
  if (record.kind === 'indirect' && record.target?.type !== 'AllPartners' && delegatingClients(all, record.context, record.permission, record.target).length === 0) {
    return { ...OPERATION_STATUS.relationNotAllowed, details: [`Klient nie przekazał pośrednikowi uprawnienia ${record.permission} z prawem do dalszego przekazywania.`] };
  }
  return undefined;
}

export function processPermissionOperation(deps: SandboxDeps, referenceNumber: string): void {
  const operation = permissionOperations(deps.store)[referenceNumber];
  if (!operation || operation.status.code !== 100) return;
  const records = permissionRecords(deps.store);
  if (operation.action.kind === 'grant') {
    const granted = operation.action.permissionIds.flatMap((id) => (records[id] ? [records[id]] : []));
    const all = Object.values(records);
    const problem = granted.map((r) => grantProblem(deps, r, all)).find((p) => p !== undefined);
    for (const record of granted) record.state = problem ? 'Rejected' : 'Active';
    operation.status = problem ?? { ...OPERATION_STATUS.succeeded };
  } else {
    const id = operation.action.permissionId;
    const record = records[id];
    if (record) record.state = 'Revoked';
    const grants = permissionGrants(deps.store);
    const key = contextKey(operation.context);
    // Grants made through /testdata/permissions can be revoked through the API as well.
    grants[key] = (grants[key] ?? []).filter((g) => !(g.source === 'testdata' && g.id === id));
    operation.status = { ...OPERATION_STATUS.succeeded };
  }
  syncEffectiveGrants(deps.store);
}

/** Operations a restart left at 100 are finished on start-up. */
export function resumePermissionOperations(deps: SandboxDeps): void {
  for (const operation of Object.values(permissionOperations(deps.store))) {
    if (operation.status.code === 100) processPermissionOperation(deps, operation.referenceNumber);
  }
}
