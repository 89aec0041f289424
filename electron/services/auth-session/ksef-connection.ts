import type { KsefEnvironment } from '../../../shared/domain/environments';
import { AppError } from '../errors/app-error';
import { createKsefClient, type KsefClient } from '../ksef';

export type KsefClientFactory = (baseUrl: string) => KsefClient;

/**
 * One KSeF client per API base URL, so every call to one environment shares one rate-limit scheduler
 * and one public-key cache.
 */
export class KsefConnections {
  private readonly clients = new Map<string, KsefClient>();

  constructor(
    private readonly apiBaseUrl: (environment: KsefEnvironment) => Promise<string | null>,
    private readonly factory: KsefClientFactory = (baseUrl) => createKsefClient({ baseUrl }),
  ) {}

  async forEnvironment(environment: KsefEnvironment): Promise<KsefClient> {
    let baseUrl: string | null;
    try {
      baseUrl = await this.apiBaseUrl(environment);
    } catch {
      throw new AppError('KSEF_UNAVAILABLE', `cannot start or reach ${environment}`, [environment]);
    }
    if (!baseUrl) throw new AppError('KSEF_UNAVAILABLE', `no API address for ${environment}`, [environment]);
    let client = this.clients.get(baseUrl);
    if (!client) {
      client = this.factory(baseUrl);
      this.clients.set(baseUrl, client);
    }
    return client;
  }
}
