/**
 * Request bodies of document uploads: raw bytes (PDF, PNG, JPEG, or octet-stream) read into one
 * Buffer with the upload limit instead of the JSON limit, and multipart/form-data streamed by
 * @fastify/multipart with the same limit. A body announced as larger than the limit is refused
 * with 413 before a byte of it is read.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './errors';

/** Content types `POST /documents` takes as the file itself. The type is then read from the bytes. */
export const RAW_UPLOAD_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream'];

/** Room for the multipart boundaries and part headers around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const UPLOAD_URL = '/documents';

export async function installUploadParsers(app: FastifyInstance, maxUploadBytes: number): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: maxUploadBytes, files: 1, fields: 10, fieldSize: 4096, parts: 20, headerPairs: 100 },
  });
  app.addContentTypeParser(RAW_UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: maxUploadBytes }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.url === undefined) return; // no such route: the 404 handler answers
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    const isUpload = request.method === 'POST' && request.routeOptions.url === UPLOAD_URL;
    // Other routes never buffer an upload-sized body: refused before a byte of it is read.
    if (!isUpload) {
      if (hasBody && (RAW_UPLOAD_TYPES.includes(mediaType) || mediaType === 'multipart/form-data')) {
        throw new ApiError(415, 'unsupported_media_type', `${request.method} ${request.routeOptions.url} takes JSON, not ${mediaType}; files go to POST ${UPLOAD_URL}.`);
      }
      return;
    }
    // Refused from the Content-Length header alone, with a message a partner can act on; bodies
    // without one are cut off at the limit while they stream in (by the parser or by busboy).
    const announced = Number(request.headers['content-length']);
    if (!Number.isFinite(announced)) return;
    const slack = mediaType === 'multipart/form-data' ? MULTIPART_OVERHEAD_BYTES : 0;
    if (announced > maxUploadBytes + slack) throw fileTooLarge(maxUploadBytes, announced);
  });
}

export function isMultipart(request: FastifyRequest): boolean {
  return /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');
}

export function fileTooLarge(maxUploadBytes: number, size?: number): ApiError {
  const what = size !== undefined ? `The PoE file is about ${formatSize(size)}` : 'The PoE file is too large';
  return new ApiError(
    413,
    'file_too_large',
    `${what}; the limit is ${formatSize(maxUploadBytes)}. Reduce it (for example, export with compressed images, or upload only the relevant pages) and upload it again.`,
  );
}

function formatSize(bytes: number): string {
  const oneDecimal = (n: number) => n.toFixed(1).replace(/\.0$/, '');
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${oneDecimal(bytes / 1024)} KB`;
  return `${oneDecimal(bytes / (1024 * 1024))} MB`;
}
