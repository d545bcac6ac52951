/**
 * Applies deadline-driven transitions (partner response expired → rejected; consent window over →
 * sent for evaluation) through the shared core, with the deadline itself as the effective time, so
 * a server that was down over a deadline applies it on start as if it had been up.
 *
 * Exactly one process applies a deadline: a run holds a PostgreSQL advisory lock (try-lock; a
 * process that does not get it skips the run). Re-applying is harmless anyway: the core refuses a
 * transition that already happened.
 */
import { dueSystemCommands, clocks, type Claim } from '../../shared/index';
import { executeCommand } from './claims/execute';
import { ADVISORY_LOCKS, type Database } from './db/index';
import type { SlaSettings } from './settings';

const SYSTEM_ACTOR = { id: 'system', role: 'system' } as const;
/** Statuses that have a deadline acting on its own. */
const WATCHED = ['partner_action_needed', 'approved'];
const BATCH = 500;

export type SchedulerRun = { applied: number; refused: number; skipped: boolean; nextDueAt: Date | null };

/** One pass: applies every transition due at `now`. */
export async function runDueTransitions(db: Database, now: Date, settings: SlaSettings): Promise<SchedulerRun> {
  return db.transaction(
    async (tx) => {
      const locked = (await tx.query<{ locked: boolean }>('select pg_try_advisory_xact_lock($1) as locked', [ADVISORY_LOCKS.scheduler])).rows[0]!.locked;
      if (!locked) return { applied: 0, refused: 0, skipped: true, nextDueAt: null };
      const claims = (await tx.query<{ snapshot: Claim }>('select snapshot from claims where status = any($1::text[])', [WATCHED])).rows.map((r) => r.snapshot);
      let applied = 0;
      let refused = 0;
      let nextDueAt: number | null = null;
      for (const claim of claims) {
        const due = dueSystemCommands(claim, now, settings.calendar, { policy: settings.policy });
        if (due.length === 0) {
          const upcoming = nextDeadline(claim, now, settings);
          if (upcoming !== null && (nextDueAt === null || upcoming < nextDueAt)) nextDueAt = upcoming;
          continue;
        }
        if (applied + refused >= BATCH) {
          nextDueAt = now.getTime();
          continue;
        }
        for (const command of due) {
          const result = await executeCommand(tx, command, SYSTEM_ACTOR, new Date(command.dueAt), settings);
          if (result.ok) applied++;
          else refused++;
        }
      }
      return { applied, refused, skipped: false, nextDueAt: nextDueAt === null ? null : new Date(nextDueAt) };
    },
    // The lock is taken first; read committed then sees what the previous holder committed.
    { isolation: 'read committed' },
  );
}

function nextDeadline(claim: Claim, now: Date, settings: SlaSettings): number | null {
  const reading = clocks(claim, now, settings.calendar, { policy: settings.policy }).find((r) => r.clock === 'partnerResponse' || r.clock === 'consent');
  return reading ? reading.dueAt.getTime() : null;
}

export type Scheduler = { stop(): Promise<void>; runNow(): Promise<SchedulerRun> };

export type SchedulerOptions = {
  db: Database;
  now: () => Date;
  settings: () => Promise<SlaSettings>;
  /** Longest sleep between runs: picks up claims other processes changed (default 30 s). */
  maxIntervalMs?: number;
  onRun?: (run: SchedulerRun) => void;
  onError?: (error: unknown) => void;
};

/** Runs at start, then at the next deadline (or every `maxIntervalMs`, whichever comes first). */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const maxInterval = options.maxIntervalMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<SchedulerRun> | null = null;

  const runNow = async (): Promise<SchedulerRun> => {
    if (running) return running;
    running = (async () => {
      try {
        const run = await runDueTransitions(options.db, options.now(), await options.settings());
        options.onRun?.(run);
        return run;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const loop = async () => {
    let wait = maxInterval;
    try {
      const run = await runNow();
      if (run.nextDueAt) wait = Math.min(maxInterval, Math.max(0, run.nextDueAt.getTime() - options.now().getTime()));
    } catch (error) {
      options.onError?.(error);
    }
    if (!stopped) timer = setTimeout(() => void loop(), wait);
  };
  void loop();

  return {
    runNow,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
