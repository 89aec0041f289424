import { ENVIRONMENT_DESCRIPTORS, type KsefEnvironment } from '../../../../shared/domain/environments';

/**
 * The verification host printed in QR codes (PROTOCOL.md §1). The sandbox has no public host of its own
 * (it runs on a random loopback port a phone cannot reach), so its codes use the MF TEST host: the URL shape
 * is exactly what a real invoice carries, and nobody can mistake a sandbox code for a production one.
 */
export const SANDBOX_QR_HOST_ENVIRONMENT: KsefEnvironment = 'test';

export function qrHostFor(environment: KsefEnvironment): string {
  const own = ENVIRONMENT_DESCRIPTORS[environment].qrBaseUrl;
  const host = own ?? ENVIRONMENT_DESCRIPTORS[SANDBOX_QR_HOST_ENVIRONMENT].qrBaseUrl;
  if (!host) throw new Error(`No QR host is known for ${environment}`);
  return host.replace(/\/+$/, '');
}
