export { limitRoutes, CONTEXT_SESSION_LIMITS } from './limit-routes';
