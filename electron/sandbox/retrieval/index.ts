/** Invoice retrieval (metadata query, download, exports) and start-up seeding of received invoices. */
import type { RouteModule } from '../deps';
import { registerExportRoutes } from './export-routes';
import { registerQueryRoutes } from './query-routes';
import { applyStartupSeeds } from './seeding';

export const retrievalRoutes: RouteModule = (router, deps) => {
  applyStartupSeeds(deps);
  registerQueryRoutes(router, deps);
  registerExportRoutes(router, deps);
};

export { seedReceivedInvoices } from './seeding';
export { tuneRetrieval, retrievalTuning, DEFAULT_RETRIEVAL_TUNING, type RetrievalTuning } from './tuning';
export { permanentStorageWatermark } from './filters';
export type { InvoiceMetadataJson } from './metadata';
