export * from './contract';
export * from './result';
export * from './types';
export { buildKsefApi, type ApiTransport } from './build-api';
