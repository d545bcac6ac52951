/** Liveness, version, and the API description. */
import type { AppDeps } from '../deps';
import { route, type RouteSpec } from '../route';

export function healthRoutes(deps: AppDeps, openApi: () => Record<string, unknown>): RouteSpec[] {
  return [
    route({
      method: 'GET',
      url: '/healthz',
      tag: 'health',
      summary: 'Whether the server and its database answer',
      roles: 'public',
      responds: '{ ok, database, serverTime }',
      handler: async ({ reply }) => {
        try {
          await deps.db.query('select 1');
          return { ok: true, database: deps.db.driver, serverTime: deps.now().toISOString() };
        } catch {
          return reply.status(503).send({ ok: false, database: deps.db.driver, serverTime: deps.now().toISOString() });
        }
      },
    }),
    route({
      method: 'GET',
      url: '/version',
      tag: 'health',
      summary: 'Server version and protocol version',
      roles: 'public',
      responds: '{ version, protocolVersion }',
      handler: async () => ({ version: deps.version, protocolVersion: 1 }),
    }),
    route({
      method: 'GET',
      url: '/openapi.json',
      tag: 'health',
      summary: 'This API described as OpenAPI 3.1',
      roles: 'public',
      responds: 'The OpenAPI document',
      handler: async () => openApi(),
    }),
  ];
}
