/** The workstation's sync protocol: push, pull, and a poke stream that says "pull now". */
import { pullQuerySchema, pushRequestSchema } from '../../../../shared/index';
import { pull } from '../../sync/pull';
import { push } from '../../sync/push';
import type { AppDeps } from '../deps';
import { route, type RouteSpec } from '../route';

export function syncRoutes(deps: AppDeps): RouteSpec[] {
  return [
    route({
      method: 'POST',
      url: '/sync/push',
      tag: 'sync',
      summary: 'Apply the client’s pending mutations in order; one recorded outcome per mutation',
      roles: ['reviewer', 'supervisor'],
      schemas: { body: pushRequestSchema },
      responds: 'Outcomes of the mutations (duplicates answered from the record), the last processed mutation id, and gapAt when a mutation is missing',
      handler: ({ user, body }) => push(deps, user, body),
    }),
    route({
      method: 'GET',
      url: '/sync/pull',
      tag: 'sync',
      summary: 'Claims changed since the cursor with their new events, this client’s new outcomes, the server time and settings',
      roles: ['reviewer', 'supervisor'],
      schemas: { query: pullQuerySchema },
      responds: 'PullResponse',
      handler: ({ user, query }) => pull(deps, user, query),
    }),
    route({
      method: 'GET',
      url: '/sync/poke',
      tag: 'sync',
      summary: 'Server-sent events: a `poke` event whenever the sync log grows (pull then); a comment every 25 s keeps proxies open',
      roles: ['reviewer', 'supervisor'],
      responds: 'text/event-stream',
      handler: async ({ request, reply }) => {
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        res.write(`retry: 3000\nevent: hello\ndata: ${JSON.stringify({ serverTime: deps.now().toISOString() })}\n\n`);
        const unsubscribe = deps.pokes.subscribe((cursor) => res.write(`event: poke\ndata: ${cursor}\n\n`));
        const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
        const close = () => {
          clearInterval(keepAlive);
          unsubscribe();
        };
        request.raw.on('close', close);
        deps.onShutdown(() => {
          close();
          res.end();
        });
      },
    }),
  ];
}
