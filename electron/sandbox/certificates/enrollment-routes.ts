import { z } from 'zod';
import { withAccess } from '../auth/request-auth';
import type { SandboxDeps } from '../deps';
import { newReferenceNumber } from '../ids/reference-number';
import { credentialError } from '../permissions/api-errors';
import { callerIdentity } from '../permissions/identities';
import { parseJsonBody } from '../server/body';
import { formatKsefDateTime } from '../server/clock';
import { badRequest } from '../server/errors';
import { json, type Router } from '../server/router';
import { certificateLimitsFor, enrollments } from './certificate-store';
import { checkCsr } from './csr-checks';
import { csrSubjectMatches, enrollmentDataOf, loginCertificate } from './enrollment-data';
import { scheduleEnrollment } from './enrollment-processing';

const enrollSchema = z.object({
  certificateName: z
    .string()
    .min(5)
    .max(100)
    .regex(/^[a-zA-Z0-9_\- ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]+$/),
  certificateType: z.enum(['Authentication', 'Offline']),
  csr: z.string().min(1).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be Base64'),
  validFrom: z.string().datetime({ offset: true }).nullish(),
});

/** GET /certificates/limits, GET /certificates/enrollments/data, POST /certificates/enrollments, GET /certificates/enrollments/{ref}. */
export function registerEnrollmentRoutes(router: Router, deps: SandboxDeps): void {
  router.get(
    '/certificates/limits',
    withAccess(deps, [], (_ctx, access) => json(200, certificateLimitsFor(deps.store, callerIdentity(access), deps.clock.now()))),
  );

  router.get(
    '/certificates/enrollments/data',
    withAccess(deps, [], (_ctx, access) => json(200, enrollmentDataOf(loginCertificate(deps.store, access, 25001).subjectName))),
  );

  router.post(
    '/certificates/enrollments',
    withAccess(deps, [], async (ctx, access) => {
      // A KSeF token carries no certificate subject to copy, so KSeF refuses enrollment after a token login.
      const certificate = loginCertificate(deps.store, access, 25002);
      const request = parseJsonBody(ctx, enrollSchema);
      const csr = await checkCsr(request.csr);
      if (!csrSubjectMatches(csr.request.subjectName, certificate.subjectName)) {
        throw credentialError(25003, `Oczekiwany podmiot: ${certificate.subject}; w CSR: ${csr.request.subject}.`);
      }
      const subject = callerIdentity(access);
      const now = deps.clock.now();
      const limits = certificateLimitsFor(deps.store, subject, now);
      if (limits.enrollment.remaining <= 0) throw credentialError(25006);
      if (limits.certificate.remaining <= 0) throw credentialError(25007);
      // The official enrollment example uses type code EH (PROTOCOL §2).
      const referenceNumber = newReferenceNumber('EH', now);
      enrollments(deps.store)[referenceNumber] = {
        referenceNumber,
        requestDate: now.toISOString(),
        subject,
        certificateName: request.certificateName,
        certificateType: request.certificateType,
        csrDer: csr.der,
        ...(request.validFrom ? { validFrom: new Date(request.validFrom).toISOString() } : {}),
        status: { code: 100, description: 'Wniosek przyjęty do realizacji' },
      };
      deps.store.changed();
      scheduleEnrollment(deps, referenceNumber);
      return json(202, { referenceNumber, timestamp: formatKsefDateTime(now) });
    }),
  );

  router.get(
    '/certificates/enrollments/{referenceNumber}',
    withAccess(deps, [], (ctx, access) => {
      const referenceNumber = ctx.params.referenceNumber ?? '';
      if (referenceNumber.length !== 36) throw badRequest(21405, 'referenceNumber: wymagane 36 znaków.');
      const record = enrollments(deps.store)[referenceNumber];
      const caller = callerIdentity(access);
      // Someone else's enrollment is reported as unknown rather than revealed.
      if (!record || record.subject.type !== caller.type || record.subject.value !== caller.value) throw credentialError(25005);
      return json(200, {
        requestDate: formatKsefDateTime(new Date(record.requestDate)),
        status: record.status,
        ...(record.certificateSerialNumber ? { certificateSerialNumber: record.certificateSerialNumber } : {}),
      });
    }),
  );
}
