/**
 * Formatting of instants, durations and sizes for display, in the language in effect
 * (renderer/src/i18n/format.ts does the work with date-fns locales and Intl).
 */
import { MS_PER_DAY } from '@shared/index';

import { formatDateTime, formatDurationMs, formatTimeOfDay } from '../i18n/format';

export { formatBytes, formatDay, formatInZone, formatNumber, formatRelative } from '../i18n/format';

/** An instant in the reader's own time zone. */
export function formatLocal(at: Date | string | number): string {
  return formatDateTime(at);
}

export function formatTime(at: Date | string | number): string {
  return formatTimeOfDay(at);
}

/**
 * A span of time as days, hours, minutes and seconds ("2d 04:13:09"); `days` is in the clock's
 * unit (a business day counts as 24 h of countdown).
 */
export function formatCountdown(days: number): string {
  return formatDurationMs(days * MS_PER_DAY);
}
