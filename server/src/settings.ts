/**
 * Deployment settings that every decision depends on: the SLA calendar and the policy (windows,
 * at-risk threshold). Stored in the database so every server process and, through pull, every
 * workstation uses the same ones.
 */
import { z } from 'zod';
import { DEFAULT_CALENDAR, DEFAULT_POLICY, type Calendar, type Policy } from '../../shared/index';
import { json, type Queryable } from './db/index';

export type SlaSettings = { calendar: Calendar; policy: Policy };

const SETTINGS_KEY = 'sla';

export const calendarSchema = z.strictObject({
  timeZone: z.string().min(1).max(64).refine(isKnownTimeZone, { message: 'unknown IANA time zone' }),
  weekend: z.array(z.number().int().min(0).max(6)).max(6),
  holidays: z.array(z.iso.date()).max(5000),
});

export const policySchema = z.strictObject({
  pickupDays: z.number().positive().max(365),
  reviewDays: z.number().positive().max(365),
  partnerResponseDays: z.number().positive().max(365),
  disputeReviewDays: z.number().positive().max(365),
  overallDays: z.number().positive().max(365),
  consentDays: z.number().positive().max(365),
  consentUnit: z.enum(['days', 'business_days']),
  disputeWindowDays: z.number().positive().max(365),
  atRiskAt: z.number().gt(0).lt(1),
  poeMaxAgeMonths: z.number().int().positive().max(120),
});

export const settingsSchema = z.strictObject({ calendar: calendarSchema, policy: policySchema.partial() });

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const DEFAULT_SETTINGS: SlaSettings = { calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY };

export async function loadSettings(q: Queryable): Promise<SlaSettings> {
  const result = await q.query<{ value: unknown }>('select value from settings where key = $1', [SETTINGS_KEY]);
  const parsed = settingsSchema.safeParse(result.rows[0]?.value);
  if (!parsed.success) return DEFAULT_SETTINGS;
  return { calendar: parsed.data.calendar, policy: { ...DEFAULT_POLICY, ...parsed.data.policy } };
}

export async function saveSettings(q: Queryable, settings: z.input<typeof settingsSchema>): Promise<SlaSettings> {
  const parsed = settingsSchema.parse(settings);
  await q.query(
    `insert into settings (key, value, updated_at) values ($1, $2::jsonb, now())
     on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
    [SETTINGS_KEY, json(parsed)],
  );
  return { calendar: parsed.calendar, policy: { ...DEFAULT_POLICY, ...parsed.policy } };
}
