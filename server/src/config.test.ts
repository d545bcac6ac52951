import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { databaseOptionsFrom } from './db/open';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('server configuration from the environment', () => {
  it('has safe defaults: loopback only, embedded database and blobs under .data/ at the repo root', () => {
    const config = loadConfig({}, '/somewhere/else');
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 8787,
      databaseUrl: undefined,
      dataDir: path.join(REPO_ROOT, '.data'),
      pgliteDir: path.join(REPO_ROOT, '.data', 'pglite'),
      blobDir: path.join(REPO_ROOT, '.data', 'blobs'),
      maxUploadBytes: 25 * 1024 * 1024,
      maxPdfPages: 1000,
      pdfInspectTimeoutMs: 15_000,
      maxJsonBodyBytes: 8 * 1024 * 1024,
      tokenTtlHours: 168,
      logLevel: 'info',
    });
    expect(databaseOptionsFrom(config)).toEqual({ driver: 'pglite', dataDir: path.join(REPO_ROOT, '.data', 'pglite') });
  });

  it('reads every variable, resolving relative directories against the working directory', () => {
    const config = loadConfig(
      {
        HOST: '0.0.0.0',
        PORT: '9000',
        DATABASE_URL: 'postgres://poe@db:5432/poe',
        DATA_DIR: 'var/poe',
        BLOB_DIR: '/mnt/blobs',
        MAX_UPLOAD_BYTES: '1048576',
        TOKEN_TTL_HOURS: '8',
        LOG_LEVEL: 'debug',
      },
      '/srv/app',
    );
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      databaseUrl: 'postgres://poe@db:5432/poe',
      dataDir: '/srv/app/var/poe',
      pgliteDir: '/srv/app/var/poe/pglite',
      blobDir: '/mnt/blobs',
      maxUploadBytes: 1048576,
      tokenTtlHours: 8,
      logLevel: 'debug',
    });
    expect(databaseOptionsFrom(config)).toEqual({ driver: 'postgres', url: 'postgres://poe@db:5432/poe' });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '  ' }).databaseUrl).toBeUndefined();
  });

  it('reports every bad variable at once, by name, with what was expected', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MAX_UPLOAD_BYTES: '25MB', LOG_LEVEL: 'loud', TOKEN_TTL_HOURS: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('Invalid server configuration');
    expect(message).toContain('PORT="eighty": expected a port number, e.g. 8787');
    expect(message).toContain('DATABASE_URL="mysql://x": expected a PostgreSQL URL');
    expect(message).toContain('MAX_UPLOAD_BYTES="25MB": expected a whole number of bytes');
    expect(message).toContain('LOG_LEVEL="loud": expected one of');
    expect(message).toContain('TOKEN_TTL_HOURS="0": must be at least 1');
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT="70000": must be at most 65535/);
  });
});
