/**
 * The sync backend process: `npm run server` (and `npm start`, which also opens the workstation).
 * PGlite under .data/ by default, PostgreSQL when DATABASE_URL is set. Demo data is loaded on the
 * first start of an empty embedded database (SEED_DEMO=0 turns that off; `npm run seed` forces it).
 */
import { readFile } from 'node:fs/promises';
import { openBlobStore } from './blobs/blob-store';
import { ConfigError, loadConfig } from './config';
import { databaseOptionsFrom, openDatabase } from './db/index';
import { buildApp } from './http/app';
import { startScheduler } from './scheduler';
import { isEmpty, seedDemoData } from './seed';
import { serverLoggerOptions, type LogDestination } from './logging';
import { loadSettings } from './settings';
import { startPokes } from './sync/pokes';

export type StartOptions = {
  /** Where log lines go instead of stdout (tests capture them). */
  logDestination?: LogDestination;
};

export async function startServer(env: Record<string, string | undefined> = process.env, options: StartOptions = {}) {
  const config = loadConfig(env);
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const db = await openDatabase(databaseOptionsFrom(config));
  const blobs = await openBlobStore(config.blobDir);
  const now = () => new Date();
  const settings = () => loadSettings(db);
  const pokes = await startPokes(db);
  const shutdownHooks: (() => void)[] = [];

  const app = await buildApp(
    { db, blobs, config, now, settings, pokes, onShutdown: (fn) => shutdownHooks.push(fn), version: pkg.version },
    // Passwords, tokens and PoE content never reach the logs (logging.ts).
    { logger: serverLoggerOptions(config.logLevel, options.logDestination) },
  );

  const seedWanted = env.SEED_DEMO !== '0' && (env.SEED_DEMO === '1' || config.databaseUrl === undefined);
  if (seedWanted && (await isEmpty(db))) {
    app.log.info('empty database: loading demo data (first start)');
    const report = await seedDemoData({ db, blobs, settings: await settings() }, { now: now() });
    app.log.info({ users: report.users, documents: report.documents, steps: report.steps, refused: report.refused.length }, 'demo data loaded');
  }

  const scheduler = startScheduler({
    db,
    now,
    settings,
    onRun: (run) => run.applied + run.refused > 0 && app.log.info(run, 'deadline transitions applied'),
    onError: (error) => app.log.error({ err: error }, 'scheduler run failed'),
  });

  await app.listen({ host: config.host, port: config.port });

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await scheduler.stop();
      for (const hook of shutdownHooks) hook();
      await app.close();
      await pokes.close();
      await db.close();
    })());
  return { app, config, db, close, url: `http://${config.host}:${(app.server.address() as { port: number }).port}` };
}

// Run as a program (not when imported by tests or the start script).
if (import.meta.url === `file://${process.argv[1]}`) {
  startServer()
    .then((server) => {
      server.app.log.info(`PoE Reviewer Workstation backend listening on ${server.url} (${server.db.driver})`);
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          server.app.log.info(`${signal}: shutting down`);
          void server.close().then(() => process.exit(0));
        });
      }
    })
    .catch((error: unknown) => {
      console.error(error instanceof ConfigError ? error.message : error);
      process.exit(1);
    });
}
