/**
 * PoE documents: upload (raw body or multipart), metadata and download by SHA-256.
 *
 * Every upload passes `inspectDocument` (type by content, size, pages, damaged and protected PDFs)
 * before its bytes reach the content-addressed blob store and its row the `documents` table, so a
 * sha256 known to the server always names a file a reviewer can open. Partners then reference
 * documents by sha256 only; the server fills in what it measured (see resolveDocumentRefs).
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { PoeDocument } from '../../../../shared/index';
import type { SignedInUser } from '../../actor';
import { BlobCorruptedError } from '../../blobs/blob-store';
import type { Queryable } from '../../db/index';
import { inspectDocument, normalizeFileName, type DocumentLimits } from '../../documents/inspect';
import type { AppDeps } from '../deps';
import { storable } from '../commands';
import { ApiError } from '../errors';
import { route, type RouteSpec } from '../route';
import { fileTooLarge, isMultipart, RAW_UPLOAD_TYPES } from '../uploads';

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits');

/** How a partner names a PoE document in a claim: by its hash, optionally with its own file name. */
export const documentRefSchema = z.strictObject({
  sha256: sha256Schema,
  fileName: z.string().trim().min(1).max(255).optional(),
});
export type DocumentRef = z.output<typeof documentRefSchema>;

export const documentRefsSchema = z
  .array(documentRefSchema)
  .max(50)
  .refine((refs) => new Set(refs.map((r) => r.sha256)).size === refs.length, { message: 'a document is listed twice' });

type MediaType = PoeDocument['mediaType'];

export type DocumentRow = {
  sha256: string;
  media_type: MediaType;
  size: number;
  pages: number;
  file_name: string;
  uploaded_by: string;
  uploaded_at: Date;
  /** Partner ID of the uploading user, if a partner uploaded it. */
  uploader_partner_id: string | null;
};

const SELECT_DOCUMENTS = `select d.sha256, d.media_type, d.size, d.pages, d.file_name, d.uploaded_by, d.uploaded_at,
  u.partner_id as uploader_partner_id
  from documents d left join users u on u.id = d.uploaded_by`;

export async function loadDocumentRows(q: Queryable, hashes: readonly string[]): Promise<Map<string, DocumentRow>> {
  if (hashes.length === 0) return new Map();
  const rows = (await q.query<DocumentRow>(`${SELECT_DOCUMENTS} where d.sha256 = any($1::text[])`, [hashes])).rows;
  return new Map(rows.map((r) => [r.sha256, r]));
}

/**
 * Whether `user` belongs to the organization that uploaded the document: then its file name and
 * uploader are theirs to see. A partner who uploads the same bytes as another partner (a reused
 * document, which reviewers must be able to spot) learns nothing about the first upload.
 */
function sameUploader(user: SignedInUser, row: DocumentRow): boolean {
  if (user.role === 'reviewer' || user.role === 'supervisor') return true;
  return row.uploaded_by === user.id || (user.partnerId !== null && row.uploader_partner_id === user.partnerId);
}

const EXTENSIONS: Record<MediaType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

function neutralFileName(row: Pick<DocumentRow, 'sha256' | 'media_type'>): string {
  return `PoE-${row.sha256.slice(0, 12)}.${EXTENSIONS[row.media_type]}`;
}

/**
 * Documents of a claim from references: size, type, pages come from what the server measured at
 * upload, never from the request. Holding the sha256 of a file is proof of having had its bytes:
 * the API never shows a partner the hashes of another partner's documents.
 */
export async function resolveDocumentRefs(q: Queryable, user: SignedInUser, refs: readonly DocumentRef[], now: Date): Promise<PoeDocument[]> {
  const rows = await loadDocumentRows(
    q,
    refs.map((r) => r.sha256),
  );
  return refs.map((ref) => {
    const row = rows.get(ref.sha256);
    if (!row) {
      throw new ApiError(400, 'unknown_document', `Document ${ref.sha256} has not been uploaded; upload the file with POST /documents first, then refer to it by its sha256.`);
    }
    const own = sameUploader(user, row);
    return {
      sha256: row.sha256,
      // A name given here is cleaned like an uploaded one (no path, no control or direction-override characters).
      fileName: ref.fileName !== undefined ? normalizeFileName(ref.fileName) : own ? row.file_name : neutralFileName(row),
      mediaType: row.media_type,
      size: Number(row.size),
      pages: row.pages,
      uploadedBy: own ? row.uploaded_by : user.id,
      uploadedAt: (own ? row.uploaded_at : now).toISOString(),
    };
  });
}

/**
 * The document row if `user` may read it, else a 404 that does not tell "unknown" from "not
 * yours". Reviewers and supervisors read every document; a partner those on its own claims and
 * those its organization uploaded.
 */
async function readableDocument(deps: AppDeps, user: SignedInUser, sha256: string): Promise<DocumentRow> {
  const row = (await loadDocumentRows(deps.db, [sha256])).get(sha256);
  const notFound = new ApiError(404, 'not_found', `Document ${sha256} does not exist.`);
  if (!row) throw notFound;
  if (user.role === 'reviewer' || user.role === 'supervisor') return row;
  if (user.role !== 'partner' || user.partnerId === null) throw notFound;
  if (sameUploader(user, row)) return row;
  const onOwnClaim = await deps.db.query(
    `select 1 from claims where partner_id = $1 and (snapshot -> 'documents') @> $2::jsonb limit 1`,
    [user.partnerId, JSON.stringify([{ sha256 }])],
  );
  if (onOwnClaim.rowCount === 0) throw notFound;
  return row;
}

/** RFC 6266: an ASCII fallback and the exact name in UTF-8. Always an attachment, never rendered in place. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function headerFileName(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.trim() === '') return undefined;
  // Headers are Latin-1; clients percent-encode other names (as encodeURIComponent does).
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const uploadQuerySchema = storable(z.object({ fileName: z.string().max(1000).optional() }));
const documentParamsSchema = z.strictObject({ sha256: sha256Schema });

const UPLOAD_ROLES = ['partner', 'reviewer', 'supervisor'] as const;
const READ_ROLES = ['reviewer', 'supervisor', 'partner'] as const;

export function documentRoutes(deps: AppDeps): RouteSpec[] {
  const maxUploadBytes = deps.config.maxUploadBytes;
  const limits: Partial<DocumentLimits> = {
    maxBytes: maxUploadBytes,
    ...(deps.config.maxPdfPages !== undefined ? { maxPdfPages: deps.config.maxPdfPages } : {}),
    ...(deps.config.pdfInspectTimeoutMs !== undefined ? { pdfTimeoutMs: deps.config.pdfInspectTimeoutMs } : {}),
  };

  return [
    route({
      method: 'POST',
      url: '/documents',
      tag: 'documents',
      summary:
        'Upload a PoE file (PDF, PNG or JPEG, checked by content): the raw bytes as the body (file name in the x-file-name header, percent-encoded, or ?fileName=) or multipart/form-data with one file. Idempotent: the same bytes give the same sha256.',
      roles: UPLOAD_ROLES,
      schemas: { query: uploadQuerySchema },
      rawBody: { contentTypes: [...RAW_UPLOAD_TYPES, 'multipart/form-data'] },
      responds: '201 (200 when these bytes were uploaded before) { sha256, fileName, mediaType, size, pages }; 413/415/422 with a message for the partner when the file is refused',
      handler: async ({ request, reply, query, user }) => {
        let bytes: Buffer;
        let fileName: string | undefined;
        if (isMultipart(request)) {
          ({ bytes, fileName } = await readMultipartFile(request, maxUploadBytes));
        } else if (Buffer.isBuffer(request.body)) {
          bytes = request.body;
          fileName = headerFileName(request.headers['x-file-name']) ?? query.fileName;
        } else {
          throw new ApiError(
            415,
            'unsupported_media_type',
            `Send the PoE file as the request body with content-type ${RAW_UPLOAD_TYPES.join(', ')}, or as multipart/form-data with one file.`,
          );
        }

        const inspection = await inspectDocument(bytes, fileName ?? 'document', limits);
        if (!inspection.ok) {
          if (inspection.detail !== undefined) request.log.info({ code: inspection.code, detail: inspection.detail }, 'upload refused');
          throw new ApiError(inspection.status, inspection.code, inspection.message);
        }
        // Bytes first: a row in `documents` always has its file in the store.
        await deps.blobs.put(bytes);
        const inserted = await deps.db.query(
          `insert into documents (sha256, media_type, size, pages, file_name, uploaded_by, uploaded_at)
           values ($1, $2, $3, $4, $5, $6, $7) on conflict (sha256) do nothing`,
          [inspection.sha256, inspection.mediaType, inspection.size, inspection.pages, inspection.fileName, user.id, deps.now()],
        );
        reply.status(inserted.rowCount === 1 ? 201 : 200);
        return {
          sha256: inspection.sha256,
          fileName: inspection.fileName,
          mediaType: inspection.mediaType,
          size: inspection.size,
          pages: inspection.pages,
        };
      },
    }),
    route({
      method: 'GET',
      url: '/documents/:sha256',
      tag: 'documents',
      summary:
        'Download a PoE file (as an attachment, never sniffed). Reviewers and supervisors: any document; a partner: documents on its own claims or uploaded by its organization; otherwise 404.',
      roles: READ_ROLES,
      schemas: { params: documentParamsSchema },
      responds: 'The bytes, with the content type measured at upload; an ETag of the sha256 (304 on If-None-Match)',
      handler: async ({ params, request, reply, user }) => {
        const row = await readableDocument(deps, user, params.sha256);
        const etag = `"${row.sha256}"`;
        reply.header('etag', etag).header('cache-control', 'private, max-age=31536000, immutable').header('x-content-type-options', 'nosniff');
        const ifNoneMatch = request.headers['if-none-match'];
        if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
          return reply.status(304).send();
        }
        let bytes: Uint8Array | null;
        try {
          bytes = await deps.blobs.get(row.sha256);
        } catch (error) {
          if (!(error instanceof BlobCorruptedError)) throw error;
          request.log.error({ err: error }, 'stored document corrupted');
          bytes = null;
        }
        if (bytes === null) {
          throw new ApiError(404, 'document_unavailable', `The file of document ${row.sha256} is not available on the server; upload it again.`);
        }
        const fileName = sameUploader(user, row) ? row.file_name : neutralFileName(row);
        reply.header('content-type', row.media_type).header('content-disposition', contentDisposition(fileName));
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      },
    }),
    route({
      method: 'GET',
      url: '/documents/:sha256/meta',
      tag: 'documents',
      summary: 'What the server measured about a PoE file; the same access rule as the download',
      roles: READ_ROLES,
      schemas: { params: documentParamsSchema },
      responds: '{ sha256, fileName, mediaType, size, pages, uploadedBy?, uploadedAt? } (uploader only for its own organization and reviewers)',
      handler: async ({ params, user }) => {
        const row = await readableDocument(deps, user, params.sha256);
        const own = sameUploader(user, row);
        return {
          sha256: row.sha256,
          fileName: own ? row.file_name : neutralFileName(row),
          mediaType: row.media_type,
          size: Number(row.size),
          pages: row.pages,
          ...(own ? { uploadedBy: row.uploaded_by, uploadedAt: row.uploaded_at.toISOString() } : {}),
        };
      },
    }),
  ];
}

/** The first file of a multipart/form-data body, cut off (413) at the upload limit. */
async function readMultipartFile(request: FastifyRequest, maxUploadBytes: number): Promise<{ bytes: Buffer; fileName: string | undefined }> {
  try {
    const part = await request.file();
    if (!part) throw new ApiError(400, 'no_file', 'The form has no file: send the PoE file in a form field of type file.');
    const bytes = await part.toBuffer();
    return { bytes, fileName: part.filename };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(maxUploadBytes);
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status === 413) {
      throw new ApiError(413, 'too_many_parts', 'Send one PoE file per upload, with no more than a few form fields.');
    }
    throw new ApiError(400, 'malformed_multipart', 'The multipart/form-data body could not be read; send one file in a form field of type file.');
  }
}
