import { z } from 'zod';
import type { KsefSession } from '../auth/session';
import { pathParam } from '../http/transport';

export type KsefCertificateType = 'Authentication' | 'Offline';
export type KsefCertificateStatus = 'Active' | 'Blocked' | 'Revoked' | 'Expired';
export type CertificateRevocationReason = 'Unspecified' | 'Superseded' | 'KeyCompromise';

const limitSchema = z.object({ remaining: z.number().int(), limit: z.number().int() });
const limitsSchema = z.object({ canRequest: z.boolean(), enrollment: limitSchema, certificate: limitSchema });

/** Subject values the CSR must repeat exactly (taken by KSeF from the login certificate). */
const enrollmentDataSchema = z.object({
  commonName: z.string(),
  countryName: z.string(),
  givenName: z.string().nullish(),
  surname: z.string().nullish(),
  serialNumber: z.string().nullish(),
  uniqueIdentifier: z.string().nullish(),
  organizationName: z.string().nullish(),
  organizationIdentifier: z.string().nullish(),
});

const enrollResponseSchema = z.object({ referenceNumber: z.string(), timestamp: z.string() });
const statusInfoSchema = z.object({ code: z.number().int(), description: z.string(), details: z.array(z.string()).nullish() });
const enrollmentStatusSchema = z.object({ requestDate: z.string(), status: statusInfoSchema, certificateSerialNumber: z.string().nullish() });

const certificateTypeSchema = z.enum(['Authentication', 'Offline']);
const retrieveSchema = z.object({
  certificates: z.array(
    z.object({ certificate: z.string(), certificateName: z.string(), certificateSerialNumber: z.string(), certificateType: certificateTypeSchema }),
  ),
});

const queryResponseSchema = z.object({
  certificates: z.array(
    z.object({
      certificateSerialNumber: z.string(),
      name: z.string(),
      type: certificateTypeSchema,
      commonName: z.string(),
      status: z.enum(['Active', 'Blocked', 'Revoked', 'Expired']),
      subjectIdentifier: z.object({ type: z.string(), value: z.string() }),
      validFrom: z.string(),
      validTo: z.string(),
      lastUseDate: z.string().nullish(),
      requestDate: z.string(),
    }),
  ),
  hasMore: z.boolean(),
});

export type CertificateLimits = z.infer<typeof limitsSchema>;
export type CertificateEnrollmentData = z.infer<typeof enrollmentDataSchema>;
export type CertificateEnrollmentStatus = z.infer<typeof enrollmentStatusSchema>;
export type CertificateListItem = z.infer<typeof queryResponseSchema>['certificates'][number];

export interface RetrievedCertificate {
  certificateDer: Buffer;
  certificateName: string;
  certificateSerialNumber: string;
  certificateType: KsefCertificateType;
}

export interface CertificateEnrollmentRequest {
  /** 5–100 chars: letters (Polish too), digits, space, `_`, `-`. */
  certificateName: string;
  certificateType: KsefCertificateType;
  /** PKCS#10 DER. */
  csrDer: Buffer;
  validFrom?: Date;
}

export interface CertificateQuery {
  certificateSerialNumber?: string;
  name?: string;
  type?: KsefCertificateType;
  status?: KsefCertificateStatus;
  expiresAfter?: Date;
}

/** KSeF certificate (MCU) endpoints, PROTOCOL §11. */
export class KsefCertificatesApi {
  constructor(private readonly session: KsefSession) {}

  limits(): Promise<CertificateLimits> {
    return this.session.requestJson({ method: 'GET', path: '/certificates/limits', template: '/certificates/limits' }, limitsSchema);
  }

  /** Only after a XAdES login (token login → 400 25001). */
  enrollmentData(): Promise<CertificateEnrollmentData> {
    return this.session.requestJson({ method: 'GET', path: '/certificates/enrollments/data', template: '/certificates/enrollments/data' }, enrollmentDataSchema);
  }

  submitEnrollment(request: CertificateEnrollmentRequest): Promise<{ referenceNumber: string; timestamp: string }> {
    return this.session.requestJson(
      {
        method: 'POST',
        path: '/certificates/enrollments',
        template: '/certificates/enrollments',
        json: {
          certificateName: request.certificateName,
          certificateType: request.certificateType,
          csr: request.csrDer.toString('base64'),
          ...(request.validFrom ? { validFrom: request.validFrom.toISOString() } : {}),
        },
      },
      enrollResponseSchema,
    );
  }

  enrollmentStatus(referenceNumber: string): Promise<CertificateEnrollmentStatus> {
    return this.session.requestJson(
      { method: 'GET', path: `/certificates/enrollments/${pathParam(referenceNumber)}`, template: '/certificates/enrollments/{referenceNumber}' },
      enrollmentStatusSchema,
    );
  }

  /** Up to 10 serial numbers per call. */
  async retrieve(serialNumbers: readonly string[]): Promise<RetrievedCertificate[]> {
    const response = await this.session.requestJson(
      { method: 'POST', path: '/certificates/retrieve', template: '/certificates/retrieve', json: { certificateSerialNumbers: [...serialNumbers] } },
      retrieveSchema,
    );
    return response.certificates.map((item) => ({
      certificateDer: Buffer.from(item.certificate, 'base64'),
      certificateName: item.certificateName,
      certificateSerialNumber: item.certificateSerialNumber,
      certificateType: item.certificateType,
    }));
  }

  /** pageSize 10–50, pageOffset 0-based page index; sorted by requestDate descending. */
  query(filter: CertificateQuery = {}, page: { pageSize?: number; pageOffset?: number } = {}): Promise<{ certificates: CertificateListItem[]; hasMore: boolean }> {
    const { expiresAfter, ...rest } = filter;
    return this.session.requestJson(
      {
        method: 'POST',
        path: '/certificates/query',
        template: '/certificates/query',
        query: { pageSize: page.pageSize, pageOffset: page.pageOffset },
        json: { ...rest, ...(expiresAfter ? { expiresAfter: expiresAfter.toISOString() } : {}) },
      },
      queryResponseSchema,
    );
  }

  /** Not available after a token login. */
  async revoke(serialNumber: string, revocationReason?: CertificateRevocationReason): Promise<void> {
    await this.session.request({
      method: 'POST',
      path: `/certificates/${pathParam(serialNumber)}/revoke`,
      template: '/certificates/{certificateSerialNumber}/revoke',
      json: revocationReason ? { revocationReason } : {},
    });
  }
}
