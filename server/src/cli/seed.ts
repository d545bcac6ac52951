/**
 * `npm run seed`: loads the demo data set (users, PoE PDFs, about 300 claim histories) into the
 * configured database (PGlite under .data/ or DATABASE_URL). Refuses a database that already has
 * users or claims, so it never mixes demo data into real data.
 */
import { openBlobStore } from '../blobs/blob-store';
import { ConfigError, loadConfig } from '../config';
import { databaseOptionsFrom, openDatabase } from '../db/index';
import { DEMO_PASSWORD } from '../demo/plan';
import { isEmpty, seedDemoData } from '../seed';
import { loadSettings } from '../settings';

async function main(): Promise<number> {
  const config = loadConfig();
  const db = await openDatabase(databaseOptionsFrom(config));
  try {
    if (!(await isEmpty(db))) {
      console.error(`The database (${db.driver}) already has users or claims; demo data is only loaded into an empty one.`);
      return 1;
    }
    const started = Date.now();
    const report = await seedDemoData({ db, blobs: await openBlobStore(config.blobDir), settings: await loadSettings(db) }, { now: new Date() });
    console.log(
      `Loaded ${report.users} users, ${report.documents} PoE documents and ${report.steps} claim actions in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        (report.refused.length ? `; ${report.refused.length} refused:\n${report.refused.map((r) => `  ${r.message}`).join('\n')}` : '.'),
    );
    console.log(`Demo users (password "${DEMO_PASSWORD}"): reviewer1…reviewer4, supervisor, partner-contoso, customer-fabrikam, admin.`);
    return report.refused.length ? 1 : 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
