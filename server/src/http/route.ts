/**
 * Routes are declared once, with zod schemas for params, query and body and the roles allowed;
 * the same declaration registers the Fastify route, validates input and documents it in
 * /openapi.json, so the document cannot drift from the routes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SignedInUser, UserRole } from '../actor';
import { describeValidationError } from '../../../shared/index';
import { ApiError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

type Schemas = { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
type Parsed<S extends Schemas> = {
  params: S['params'] extends z.ZodType ? z.output<S['params']> : undefined;
  query: S['query'] extends z.ZodType ? z.output<S['query']> : undefined;
  body: S['body'] extends z.ZodType ? z.output<S['body']> : undefined;
};

export type RouteContext<S extends Schemas, A extends boolean> = Parsed<S> & {
  request: FastifyRequest;
  reply: FastifyReply;
  user: A extends true ? SignedInUser : SignedInUser | null;
};

export type RouteSpec<S extends Schemas = Schemas, A extends boolean = boolean> = {
  method: HttpMethod;
  url: string;
  summary: string;
  tag: string;
  /** Roles allowed; `'public'` needs no sign-in. */
  roles: readonly UserRole[] | 'public';
  schemas?: S;
  /** Response description for the OpenAPI document. */
  responds: string;
  /** Raw bodies (document uploads) are read by the handler itself. */
  rawBody?: { contentTypes: string[] };
  handler: (ctx: RouteContext<S, A>) => Promise<unknown>;
};

export function route<S extends Schemas>(spec: RouteSpec<S, true> & { roles: readonly UserRole[] }): RouteSpec;
export function route<S extends Schemas>(spec: RouteSpec<S, false> & { roles: 'public' }): RouteSpec;
export function route(spec: RouteSpec): RouteSpec {
  return spec;
}

export type Authenticate = (request: FastifyRequest) => Promise<SignedInUser | null>;

export function registerRoutes(app: FastifyInstance, routes: readonly RouteSpec[], authenticate: Authenticate): void {
  for (const spec of routes) {
    app.route({
      method: spec.method,
      url: spec.url,
      handler: async (request, reply) => {
        const user = await authenticate(request);
        if (spec.roles !== 'public') {
          if (!user) throw new ApiError(401, 'unauthenticated', 'Sign in first: the request has no valid session token.');
          if (!spec.roles.includes(user.role)) throw new ApiError(403, 'forbidden', `A ${user.role} cannot use ${spec.method} ${spec.url}.`);
        }
        const schemas = spec.schemas ?? {};
        const parsed = {
          params: schemas.params ? parse(schemas.params, request.params, 'path') : undefined,
          query: schemas.query ? parse(schemas.query, request.query, 'query') : undefined,
          body: schemas.body ? parse(schemas.body, request.body, 'body') : undefined,
        };
        const result = await spec.handler({ ...parsed, request, reply, user } as RouteContext<Schemas, boolean>);
        return reply.sent ? reply : result;
      },
    });
  }
}

function parse(schema: z.ZodType, value: unknown, where: string): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ApiError(400, 'validation', `Invalid ${where}: ${describeValidationError(result.error)}`);
}
