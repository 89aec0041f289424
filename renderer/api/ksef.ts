import type { KsefApi } from '../../shared/ipc/types';
import { createBridgeApi, takeBridgeToken } from './bridge-client';

declare global {
  interface Window {
    ksef?: KsefApi;
  }
}

/** window.ksef from the Electron preload, or the bridge client in browser mode. */
export function resolveKsefApi(): KsefApi | null {
  if (window.ksef) return window.ksef;
  const token = takeBridgeToken(window.location, window.sessionStorage);
  return token ? createBridgeApi(token) : null;
}
