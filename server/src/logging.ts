/**
 * The backend's log configuration (pino through Fastify). Logs say what happened to which request
 * (method, route path, status, timing, request id, user-facing refusal codes) and never carry
 * secrets or claim content: no passwords, no bearer tokens, no bodies, no query strings (an
 * upload's `?fileName=` names a partner's file), no headers.
 */
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { LogLevel } from './config';

/** Where log lines go; process stdout by default. Anything with `write(line)`, e.g. a test's capture. */
export type LogDestination = { write(line: string): unknown };

/**
 * Field paths blanked wherever code logs an object by mistake: secrets by name at the top level and
 * one level down, and bodies.
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers',
  'req.body',
  'req.query',
  'body',
  'password',
  'token',
  'authorization',
  'cookie',
  '*.password',
  '*.token',
  '*.authorization',
  '*.cookie',
  '*.body',
];

/** The request without its query string, headers or body. */
function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  const url = request.url;
  const query = url.indexOf('?');
  return {
    method: request.method,
    url: query === -1 ? url : url.slice(0, query),
    ...(request.routeOptions?.url ? { route: request.routeOptions.url } : {}),
    remoteAddress: request.ip,
  };
}

function serializeReply(reply: Pick<FastifyReply, 'statusCode'>): Record<string, unknown> {
  return { statusCode: reply.statusCode };
}

export function serverLoggerOptions(level: LogLevel, destination?: LogDestination): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    serializers: {
      // Fastify passes its request and reply objects to these serializers.
      req: (request: FastifyRequest) => serializeRequest(request),
      res: (reply: Pick<FastifyReply, 'statusCode'>) => serializeReply(reply),
    },
    ...(destination ? { stream: destination } : {}),
  };
}
