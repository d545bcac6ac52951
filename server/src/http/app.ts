/** The HTTP API: Fastify with declared routes, JSON bodies capped, uniform errors, request ids. */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { AppDeps } from './deps';
import { installErrorHandler } from './errors';
import { openApiDocument } from './openapi';
import { registerRoutes, type RouteSpec } from './route';
import { DEFAULT_WEB_ROOT, installStaticWeb } from './static';
import { authRoutes, authenticator } from './routes/auth';
import { claimRoutes } from './routes/claims';
import { customerRoutes } from './routes/customer';
import { documentRoutes } from './routes/documents';
import { healthRoutes } from './routes/health';
import { partnerRoutes } from './routes/partner';
import { supervisorRoutes } from './routes/supervisor';
import { syncRoutes } from './routes/sync';
import { installUploadParsers } from './uploads';

/** JSON bodies: a push of 500 mutations with long comments fits; anything larger is refused with 413. */
const JSON_BODY_LIMIT = 8 * 1024 * 1024;

export type AppOptions = {
  logger?: FastifyServerOptions['logger'];
  extraRoutes?: (deps: AppDeps) => RouteSpec[];
  /** The browser workstation build to serve on this origin (static.ts); default dist-web/ if built, false for none. */
  webRoot?: string | false;
};

export async function buildApp(deps: AppDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: deps.config.maxJsonBodyBytes ?? JSON_BODY_LIMIT,
    // Claim ids may be 200 characters (shared command schema); the router's default cap is 100.
    routerOptions: { maxParamLength: 256 },
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    // The router's own refusals (malformed URL encoding, over-long path segments) in our error shape.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      // The option's reply type is generic over route schemas we do not use here.
      void (reply as unknown as FastifyReply).status(status).send({ error: { code: 'bad_url', message: 'The request URL is malformed or too long.' } });
    },
  });
  installErrorHandler(app);
  await installUploadParsers(app, deps.config.maxUploadBytes);

  const routes: RouteSpec[] = [];
  const openApi = () => openApiDocument(routes, deps.version);
  routes.push(
    ...healthRoutes(deps, openApi),
    ...authRoutes(deps),
    ...syncRoutes(deps),
    ...documentRoutes(deps),
    ...partnerRoutes(deps),
    ...customerRoutes(deps),
    ...supervisorRoutes(deps),
    ...claimRoutes(deps),
    ...(options.extraRoutes?.(deps) ?? []),
  );
  registerRoutes(app, routes, authenticator(deps));
  if (options.webRoot !== false) await installStaticWeb(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  app.decorate('routeSpecs', routes);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The declared routes (also the source of /openapi.json). */
    routeSpecs: RouteSpec[];
  }
}
