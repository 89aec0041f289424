import { z } from 'zod';
import { withAccess } from '../auth/request-auth';
import { revokeIssuedCertificate } from '../crypto/issued-certificates';
import type { SandboxDeps } from '../deps';
import { credentialError } from '../permissions/api-errors';
import { callerIdentity, isRelated } from '../permissions/identities';
import { pageOffsetOf } from '../permissions/paging';
import { parseJsonBody } from '../server/body';
import { formatKsefDateTime } from '../server/clock';
import { badRequest, forbidden } from '../server/errors';
import { parsePageSize } from '../server/paging';
import { json, noContent, type RequestContext, type Router } from '../server/router';
import { issuedCertificates } from '../state/core-slices';
import type { SubjectIdentity } from '../state/types';
import { certificateDetails, listStatus, type KsefCertificateDetails } from './certificate-store';

const SERIAL = /^[0-9A-F]{16}$/;

const retrieveSchema = z.object({ certificateSerialNumbers: z.array(z.string().regex(SERIAL)).min(1).max(10) });

const querySchema = z.object({
  certificateSerialNumber: z.string().regex(SERIAL).nullish(),
  name: z.string().nullish(),
  type: z.enum(['Authentication', 'Offline']).nullish(),
  status: z.enum(['Active', 'Blocked', 'Revoked', 'Expired']).nullish(),
  expiresAfter: z.string().datetime({ offset: true }).nullish(),
});

const revokeSchema = z.object({ revocationReason: z.enum(['Unspecified', 'Superseded', 'KeyCompromise']).nullish() });

/** The query body is optional: no criteria means the unfiltered list (spec). */
function optionalBody<S extends z.ZodType>(ctx: RequestContext, schema: S): z.infer<S> {
  if (ctx.body.length === 0) return schema.parse({}) as z.infer<S>;
  return parseJsonBody(ctx, schema);
}

/** Certificates of the caller, counting the NIP–PESEL link as "own" (spec, revoke). */
function ownCertificates(deps: SandboxDeps, caller: SubjectIdentity): KsefCertificateDetails[] {
  return Object.values(certificateDetails(deps.store)).filter((d) => isRelated(deps.store, caller, d.owner));
}

/** POST /certificates/retrieve, POST /certificates/query, POST /certificates/{serial}/revoke. */
export function registerCertificateRoutes(router: Router, deps: SandboxDeps): void {
  router.post(
    '/certificates/retrieve',
    withAccess(deps, [], (ctx, access) => {
      const request = parseJsonBody(ctx, retrieveSchema);
      const own = new Map(ownCertificates(deps, callerIdentity(access)).map((d) => [d.serialNumber, d]));
      const issued = issuedCertificates(deps.store);
      const certificates = request.certificateSerialNumbers.flatMap((serial) => {
        const details = own.get(serial);
        const record = issued[serial];
        if (!details || !record) return [];
        return [{ certificate: record.der.toString('base64'), certificateName: details.name, certificateSerialNumber: serial, certificateType: details.type }];
      });
      return json(200, { certificates });
    }),
  );

  router.post(
    '/certificates/query',
    withAccess(deps, [], (ctx, access) => {
      const pageSize = parsePageSize(ctx.query.get('pageSize'), { min: 10, max: 50, fallback: 10 });
      const pageOffset = pageOffsetOf(ctx);
      const filter = optionalBody(ctx, querySchema);
      const now = deps.clock.now();
      const issued = issuedCertificates(deps.store);
      const rows = ownCertificates(deps, callerIdentity(access))
        .flatMap((details) => {
          const record = issued[details.serialNumber];
          return record ? [{ details, record, status: listStatus(record, now) }] : [];
        })
        .filter(({ details, record, status }) => {
          if (filter.certificateSerialNumber && details.serialNumber !== filter.certificateSerialNumber) return false;
          if (filter.name && !details.name.toLowerCase().includes(filter.name.toLowerCase())) return false;
          if (filter.type && details.type !== filter.type) return false;
          if (filter.status && status !== filter.status) return false;
          if (filter.expiresAfter && new Date(record.validTo) <= new Date(filter.expiresAfter)) return false;
          return true;
        })
        .sort((a, b) => b.details.requestDate.localeCompare(a.details.requestDate));
      const page = rows.slice(pageOffset * pageSize, (pageOffset + 1) * pageSize);
      return json(200, {
        certificates: page.map(({ details, record, status }) => ({
          certificateSerialNumber: details.serialNumber,
          name: details.name,
          type: details.type,
          commonName: details.commonName,
          status,
          subjectIdentifier: details.owner,
          validFrom: formatKsefDateTime(new Date(record.validFrom)),
          validTo: formatKsefDateTime(new Date(record.validTo)),
          requestDate: formatKsefDateTime(new Date(details.requestDate)),
        })),
        hasMore: rows.length > (pageOffset + 1) * pageSize,
      });
    }),
  );

  router.post(
    '/certificates/{certificateSerialNumber}/revoke',
    withAccess(deps, [], (ctx, access) => {
      if (access.authMethod === 'Token') {
        throw forbidden('auth-method-not-allowed', 'Unieważnienie certyfikatu nie jest dostępne po uwierzytelnieniu tokenem KSeF.', {
          authenticationMethodCategory: 'Token',
        });
      }
      const serial = ctx.params.certificateSerialNumber ?? '';
      if (!SERIAL.test(serial)) throw badRequest(21405, 'certificateSerialNumber: wymagane 16 znaków szesnastkowych (wielkie litery).');
      const request = optionalBody(ctx, revokeSchema);
      const details = ownCertificates(deps, callerIdentity(access)).find((d) => d.serialNumber === serial);
      const record = issuedCertificates(deps.store)[serial];
      if (!details || !record) throw credentialError(25008);
      if (listStatus(record, deps.clock.now()) !== 'Active') throw credentialError(25009);
      revokeIssuedCertificate(deps.store, serial, request.revocationReason ?? 'Unspecified', deps.clock.now());
      return noContent();
    }),
  );
}
