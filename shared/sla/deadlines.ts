/**
 * When each window of a claim closes. `decide` uses these for its guards and `clocks` for its
 * readings, so a countdown reaching zero and a refusal always agree to the millisecond.
 * Calendar-day windows count elapsed 24-hour days from the instant the window opened.
 */
import { addBusinessDays } from '../calendar/businessDays';
import { MS_PER_DAY, type Calendar } from '../calendar/calendar';
import type { Policy, Status } from '../domain/catalog';
import type { Claim } from '../domain/model';

/** When the claim entered its current status. */
export function statusEnteredAt(claim: Claim): Date {
  return new Date(claim.statusLog[claim.statusLog.length - 1]!.from);
}

/** The start of the latest stay in `status`, or null if the claim never entered it. */
export function lastEnteredAt(claim: Claim, status: Status): Date | null {
  for (let i = claim.statusLog.length - 1; i >= 0; i--) {
    const span = claim.statusLog[i]!;
    if (span.status === status) return new Date(span.from);
  }
  return null;
}

/** End of the partner-response window of the current `partner_action_needed` stay. */
export function partnerResponseDue(claim: Claim, calendar: Calendar, policy: Policy): Date {
  return addBusinessDays(calendar, statusEnteredAt(claim), policy.partnerResponseDays);
}

/** End of the customer consent window that opened at approval. */
export function consentWindowEnd(approvedAt: Date, calendar: Calendar, policy: Policy): Date {
  return policy.consentUnit === 'business_days'
    ? addBusinessDays(calendar, approvedAt, policy.consentDays)
    : new Date(approvedAt.getTime() + policy.consentDays * MS_PER_DAY);
}

/** End of the dispute window that opened at rejection. */
export function disputeWindowEnd(rejectedAt: Date, policy: Policy): Date {
  return new Date(rejectedAt.getTime() + policy.disputeWindowDays * MS_PER_DAY);
}
