import type { KsefEnvironment } from '../../../../shared/domain/environments';
import type { Handlers } from '../../../ipc/handlers';
import { DONE } from '../../../../shared/ipc/channels/limits';
import type { AccountServices } from '../account-services';

type Pick2<Prefix extends string> = { [C in keyof Handlers as C extends `${Prefix}:${string}` ? C : never]: Handlers[C] };

/** vault:* — the key store passphrase. */
export function vaultHandlers({ vaultAccess }: AccountServices): Pick2<'vault'> {
  return {
    'vault:status': () => vaultAccess.status(),
    'vault:setPassphrase': ({ passphrase }) => vaultAccess.setPassphrase(passphrase),
    'vault:unlock': ({ passphrase }) => vaultAccess.unlock(passphrase),
    'vault:lock': () => vaultAccess.lock(),
  };
}

/** certificates:* — the import wizard, the list, test certificates and KSeF enrollment. */
export function certificateHandlers({ certificates, enrollment }: AccountServices, environment: () => KsefEnvironment): Pick2<'certificates'> {
  return {
    'certificates:list': () => certificates.list(),
    'certificates:inspectFile': ({ fileName, contentBase64, password }) =>
      certificates.inspectFile(fileName, Buffer.from(contentBase64, 'base64'), password),
    'certificates:commit': ({ draftId, label, defaultForNip }) => certificates.commit(draftId, label, defaultForNip),
    'certificates:discard': async ({ draftId }) => {
      certificates.discard(draftId);
      return DONE;
    },
    'certificates:remove': async ({ id }) => {
      await certificates.remove(id);
      return DONE;
    },
    'certificates:setDefault': async ({ id, nip }) => {
      await certificates.setDefault(id, nip);
      return DONE;
    },
    'certificates:createTest': ({ subject, keyAlgorithm, label, defaultForNip }) =>
      certificates.createTest(environment(), subject, keyAlgorithm, { ...(label ? { label } : {}), ...(defaultForNip ? { defaultForNip } : {}) }),
    'certificates:enroll': ({ certificateType, keyAlgorithm, label }) => enrollment.enroll(certificateType, keyAlgorithm, label),
  };
}

/** ksefCertificates:* — the signed-in identity's certificates as KSeF knows them. */
export function ksefCertificateHandlers({ ksefCertificates }: AccountServices): Pick2<'ksefCertificates'> {
  return {
    'ksefCertificates:list': ({ status }) => ksefCertificates.list(status),
    'ksefCertificates:revoke': async ({ serialNumber, reason }) => {
      await ksefCertificates.revoke(serialNumber, reason);
      return DONE;
    },
    'ksefCertificates:limits': () => ksefCertificates.limits(),
  };
}

/** companies:* — NIP contexts of the profile. */
export function companyHandlers({ companies }: AccountServices): Pick2<'companies'> {
  return {
    'companies:list': () => companies.list(),
    'companies:add': ({ nip, name, select }) => companies.add(nip, name, select ?? false),
    'companies:remove': ({ nip }) => companies.remove(nip),
    'companies:select': ({ nip }) => companies.select(nip),
  };
}

/** auth:* — the one KSeF session main holds. */
export function authHandlers({ auth }: AccountServices): Pick2<'auth'> {
  return {
    'auth:status': async () => auth.status(),
    'auth:login': ({ nip, method }) => auth.login(nip, method),
    'auth:logout': () => auth.logout(),
  };
}

/** tokens:* — KSeF tokens of the signed-in context and the ones kept for signing in. */
export function tokenHandlers({ tokens }: AccountServices): Pick2<'tokens'> {
  return {
    'tokens:list': () => tokens.list(),
    'tokens:create': ({ description, permissions, save }) => tokens.create(description, permissions, save),
    'tokens:revoke': async ({ referenceNumber }) => {
      await tokens.revoke(referenceNumber);
      return DONE;
    },
    'tokens:listSaved': () => tokens.listSaved(),
    'tokens:save': ({ nip, description, token }) => tokens.save(nip, description, token),
    'tokens:forget': async ({ id }) => {
      await tokens.forget(id);
      return DONE;
    },
  };
}

/** permissions:* — person grants in the signed-in context. */
export function permissionHandlers({ permissions }: AccountServices): Pick2<'permissions'> {
  return {
    'permissions:list': () => permissions.list(),
    'permissions:grant': (request) => permissions.grant(request),
    'permissions:revoke': ({ permissionId }) => permissions.revoke(permissionId),
  };
}
