/** The KSeF environments the app can talk to. Base URLs come from the KSeF 2.0 reference (PROTOCOL.md §1). */
export const ENVIRONMENTS = ['sandbox', 'test', 'demo', 'production'] as const;
export type KsefEnvironment = (typeof ENVIRONMENTS)[number];

export interface EnvironmentDescriptor {
  id: KsefEnvironment;
  /** null for the sandbox: it runs in-process on a random loopback port. */
  apiBaseUrl: string | null;
  qrBaseUrl: string | null;
  /** Self-signed test certificates are accepted here. */
  acceptsTestCertificates: boolean;
}

export const ENVIRONMENT_DESCRIPTORS: Record<KsefEnvironment, EnvironmentDescriptor> = {
  sandbox: { id: 'sandbox', apiBaseUrl: null, qrBaseUrl: null, acceptsTestCertificates: true },
  test: {
    id: 'test',
    apiBaseUrl: 'https://api-test.ksef.mf.gov.pl/v2',
    qrBaseUrl: 'https://qr-test.ksef.mf.gov.pl',
    acceptsTestCertificates: true,
  },
  demo: {
    id: 'demo',
    apiBaseUrl: 'https://api-demo.ksef.mf.gov.pl/v2',
    qrBaseUrl: 'https://qr-demo.ksef.mf.gov.pl',
    acceptsTestCertificates: false,
  },
  production: {
    id: 'production',
    apiBaseUrl: 'https://api.ksef.mf.gov.pl/v2',
    qrBaseUrl: 'https://qr.ksef.mf.gov.pl',
    acceptsTestCertificates: false,
  },
};

export function isEnvironment(value: unknown): value is KsefEnvironment {
  return typeof value === 'string' && (ENVIRONMENTS as readonly string[]).includes(value);
}
