/**
 * Every refusal leaves as `{ error: { code, message } }` with a 4xx status and a message a person
 * can act on. Only faults of our own become 500, logged with the request id (never the body).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { describeValidationError, type DecisionError } from '../../../shared/index';
import { SyncRequestError } from '../sync/errors';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** HTTP status for a refusal of the shared core. */
export function statusOfDecisionError(error: DecisionError): number {
  switch (error.code) {
    case 'validation':
      return 400;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    default:
      return 409;
  }
}

export function decisionError(error: DecisionError): ApiError {
  return new ApiError(statusOfDecisionError(error), error.code, error.message);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof ApiError || error instanceof SyncRequestError) {
      return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message } });
    }
    if (error instanceof ZodError) {
      return reply.status(400).send({ error: { code: 'validation', message: describeValidationError(error) } });
    }
    const fastifyError = error as FastifyError;
    const status = fastifyError.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: clientErrorCode(fastifyError), message: clientErrorMessage(fastifyError) } });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on the server; the request was not applied. Try again.' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'no_such_route', message: `There is no ${request.method} ${request.url.split('?')[0]}.` } }),
  );
}

function clientErrorCode(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'malformed_json';
    default:
      return error.statusCode === 413 ? 'too_large' : error.statusCode === 415 ? 'unsupported_media_type' : 'bad_request';
  }
}

function clientErrorMessage(error: FastifyError): string {
  switch (clientErrorCode(error)) {
    case 'too_large':
      return 'The request body is larger than this server accepts.';
    case 'malformed_json':
      return 'The request body is not valid JSON.';
    case 'unsupported_media_type':
      return 'The request body has a content type this route does not accept.';
    default:
      return error.message;
  }
}
