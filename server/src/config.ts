import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Repository root (server/src/ → ../../), where the default data directory lives. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type ServerConfig = {
  host: string;
  port: number;
  /** PostgreSQL when set; otherwise the embedded PGlite database in `pgliteDir`. */
  databaseUrl: string | undefined;
  /** Absolute. Holds `pglite/` and `blobs/` unless those are set separately. */
  dataDir: string;
  pgliteDir: string;
  blobDir: string;
  maxUploadBytes: number;
  maxPdfPages: number;
  /** How long opening one PDF may take before the upload is refused. */
  pdfInspectTimeoutMs: number;
  maxJsonBodyBytes: number;
  tokenTtlHours: number;
  logLevel: LogLevel;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const MB = 1024 * 1024;

const wholeNumber = (what: string, example: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: `expected ${what}, e.g. ${example}` })
    .int({ error: `expected ${what}, e.g. ${example}` })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: wholeNumber('a port number', '8787', 0, 65535).default(8787),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, { error: 'expected a PostgreSQL URL, e.g. postgres://user@host:5432/db' })
    .optional(),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
  PGLITE_DIR: z.string().optional(),
  BLOB_DIR: z.string().optional(),
  MAX_UPLOAD_BYTES: wholeNumber('a whole number of bytes', '26214400 (25 MB)', 1).default(25 * MB),
  MAX_PDF_PAGES: wholeNumber('a whole number of pages', '1000', 1).default(1000),
  PDF_INSPECT_TIMEOUT_MS: wholeNumber('milliseconds', '15000', 100).default(15_000),
  // A push of hundreds of queued actions with long comments must fit: 8 MB.
  MAX_JSON_BODY_BYTES: wholeNumber('a whole number of bytes', '8388608 (8 MB)', 1024).default(8 * MB),
  // Reviewers work offline for days; a token that expires mid-trip only forces a sign-in, it
  // never loses work, but a week keeps that rare. Logout revokes a token at once.
  TOKEN_TTL_HOURS: wholeNumber('a whole number of hours', '168', 1, 24 * 365).default(168),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

/**
 * Reads the configuration from environment variables. Empty values count as unset (a common
 * artefact of compose files and CI). Every problem is reported at once, by variable name.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): ServerConfig {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((key) => {
      const value = env[key]?.trim();
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '?');
      return `  ${key}=${JSON.stringify(present[key] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid server configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  return {
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    pgliteDir: path.resolve(cwd, e.PGLITE_DIR ?? path.join(dataDir, 'pglite')),
    blobDir: path.resolve(cwd, e.BLOB_DIR ?? path.join(dataDir, 'blobs')),
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    maxPdfPages: e.MAX_PDF_PAGES,
    pdfInspectTimeoutMs: e.PDF_INSPECT_TIMEOUT_MS,
    maxJsonBodyBytes: e.MAX_JSON_BODY_BYTES,
    tokenTtlHours: e.TOKEN_TTL_HOURS,
    logLevel: e.LOG_LEVEL,
  };
}
