/**
 * Keys for pg_advisory_xact_lock, one per job that must run in one process at a time across every
 * server process on a PostgreSQL database (on PGlite there is only one process, and the call is
 * harmless). Fixed numbers: changing one lets an old and a new server run the job at once.
 */
export const ADVISORY_LOCKS = {
  /** Applying migrations at start-up. */
  migrations: 0x504f_4501,
  /**
   * Appending to the event log / outcome log. `sync_seq` values are handed out at insert time but
   * become visible at commit, so two concurrent writers can commit out of order and a puller would
   * step its cursor past the one committed later. Taking this lock before inserting makes commit
   * order equal sequence order.
   */
  syncLog: 0x504f_4502,
  /** Applying due system transitions (scheduler). */
  scheduler: 0x504f_4503,
} as const;
