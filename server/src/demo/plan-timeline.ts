/**
 * When things happened to each demo claim. A story is a list of beats (status changes) with the
 * time allowed between them; times are laid out backwards from `now` so the claim's current clock
 * reads the level the story wants (on track, at risk, breached), and each gap respects the rule
 * that guards the next beat (resubmit inside the 5-business-day response window, dispute inside
 * 30 days, consent closing exactly 7 days after approval …).
 */
import { businessTimeline, type Calendar, type ClockLevel, type Status } from '../../../shared/index';
import { MS_PER_DAY } from './dates';
import type { Rng } from './random';

export type BeatKind =
  | 'create'
  | 'submit'
  | 'startReview'
  | 'requestInfo'
  | 'resubmit'
  | 'approve'
  | 'reject'
  | 'withdraw'
  | 'optOut'
  | 'expire'
  | 'close'
  | 'dispute'
  | 'approveDispute'
  | 'denyDispute';

/** Time from one beat to the next: a range in business days or calendar days, or a window the system closes. */
export type Gap = { unit: 'bd' | 'days'; min: number; max: number } | { fixed: 'partnerResponse' | 'consent' };

export type StoryName =
  | 'draft'
  | 'submitted'
  | 'resubmitted'
  | 'in_review'
  | 'in_review_round2'
  | 'partner_action'
  | 'approved'
  | 'approved_after_info'
  | 'approved_via_dispute'
  | 'sent'
  | 'sent_after_info'
  | 'sent_via_dispute'
  | 'rejected'
  | 'rejected_after_info'
  | 'withdrawn_submitted'
  | 'withdrawn_review'
  | 'withdrawn_partner_action'
  | 'opted_out'
  | 'no_response'
  | 'dispute_denied'
  | 'disputed';

export type Story = { name: StoryName; level?: ClockLevel };

const bd = (min: number, max: number): Gap => ({ unit: 'bd', min, max });
const days = (min: number, max: number): Gap => ({ unit: 'days', min, max });

const G = {
  draft: bd(0.05, 2.5),
  pickup: bd(0.1, 5.5),
  review: bd(0.2, 5.5),
  /** Strictly inside the 5-business-day response window, with room to spare. */
  partner: bd(0.3, 3.6),
  rereview: bd(0.05, 2.5),
  optOut: days(0.3, 6.2),
  disputeDelay: days(1, 27),
  disputeReview: bd(0.3, 4.5),
  expire: { fixed: 'partnerResponse' },
  consent: { fixed: 'consent' },
} as const satisfies Record<string, Gap>;

type Template = { beats: [BeatKind, Gap | null][]; status: Status };

const INFO_ROUND: [BeatKind, Gap][] = [
  ['create', G.draft],
  ['submit', G.pickup],
  ['startReview', G.review],
  ['requestInfo', G.partner],
  ['resubmit', G.rereview],
  ['startReview', G.review],
];
const FIRST_REVIEW: [BeatKind, Gap][] = [
  ['create', G.draft],
  ['submit', G.pickup],
  ['startReview', G.review],
];
const REJECTED_THEN_DISPUTED: [BeatKind, Gap][] = [...FIRST_REVIEW, ['reject', G.disputeDelay], ['dispute', G.disputeReview]];

export const TEMPLATES: Record<StoryName, Template> = {
  draft: { beats: [['create', null]], status: 'draft' },
  submitted: { beats: [['create', G.draft], ['submit', null]], status: 'submitted' },
  resubmitted: { beats: [...FIRST_REVIEW, ['requestInfo', G.partner], ['resubmit', null]], status: 'submitted' },
  in_review: { beats: [['create', G.draft], ['submit', G.pickup], ['startReview', null]], status: 'in_review' },
  in_review_round2: { beats: [...INFO_ROUND.slice(0, 5), ['startReview', null]], status: 'in_review' },
  partner_action: { beats: [...FIRST_REVIEW, ['requestInfo', null]], status: 'partner_action_needed' },
  approved: { beats: [...FIRST_REVIEW, ['approve', null]], status: 'approved' },
  approved_after_info: { beats: [...INFO_ROUND, ['approve', null]], status: 'approved' },
  approved_via_dispute: { beats: [...REJECTED_THEN_DISPUTED, ['approveDispute', null]], status: 'approved' },
  sent: { beats: [...FIRST_REVIEW, ['approve', G.consent], ['close', null]], status: 'sent_for_evaluation' },
  sent_after_info: { beats: [...INFO_ROUND, ['approve', G.consent], ['close', null]], status: 'sent_for_evaluation' },
  sent_via_dispute: { beats: [...REJECTED_THEN_DISPUTED, ['approveDispute', G.consent], ['close', null]], status: 'sent_for_evaluation' },
  rejected: { beats: [...FIRST_REVIEW, ['reject', null]], status: 'rejected' },
  rejected_after_info: { beats: [...INFO_ROUND, ['reject', null]], status: 'rejected' },
  withdrawn_submitted: { beats: [['create', G.draft], ['submit', G.pickup], ['withdraw', null]], status: 'rejected' },
  withdrawn_review: { beats: [...FIRST_REVIEW, ['withdraw', null]], status: 'rejected' },
  withdrawn_partner_action: { beats: [...FIRST_REVIEW, ['requestInfo', G.partner], ['withdraw', null]], status: 'rejected' },
  opted_out: { beats: [...FIRST_REVIEW, ['approve', G.optOut], ['optOut', null]], status: 'rejected' },
  no_response: { beats: [...FIRST_REVIEW, ['requestInfo', G.expire], ['expire', null]], status: 'rejected' },
  dispute_denied: { beats: [...REJECTED_THEN_DISPUTED, ['denyDispute', null]], status: 'rejected' },
  disputed: { beats: [...FIRST_REVIEW, ['reject', G.disputeDelay], ['dispute', null]], status: 'disputed' },
};

/**
 * How long ago the claim entered its current status, for the level the story wants. Business-day
 * clocks have a 5-day target (at risk from 75 %), the consent window 7 days, the dispute window 30.
 */
export function currentElapsed(story: Story): Gap {
  const { name, level } = story;
  const status = TEMPLATES[name].status;
  const last = TEMPLATES[name].beats.at(-1)![0];
  if (status === 'draft') return bd(0.05, 6);
  if (status === 'submitted' || status === 'in_review' || status === 'partner_action_needed' || status === 'disputed') {
    // Overdue partner responses stay just past due: the scheduler expires them on first start.
    if (level === 'breached') return status === 'partner_action_needed' ? bd(5.1, 6.5) : bd(5.2, 8.5);
    return level === 'at_risk' ? bd(3.85, 4.85) : bd(0.15, 3.4);
  }
  if (status === 'approved') {
    if (level === 'breached') return days(7.1, 9);
    return level === 'at_risk' ? days(5.4, 6.9) : days(0.2, 5);
  }
  if (status === 'rejected' && last === 'reject') {
    if (level === 'breached') return days(31, 120);
    return level === 'at_risk' ? days(23, 29.5) : days(1, 21);
  }
  return days(0.5, 100);
}

/** Local business hours, as fractions of a business day (about 08:40–17:00). */
const WORK_START = 0.36;
const WORK_END = 0.71;

export type Timeline = { beats: { kind: BeatKind; at: Date }[] };

/**
 * Beat times, from the last (set by the wanted level) back to the first. Person-made beats land in
 * business hours when a sample allows it; the whole chain is redrawn when a window the system closes
 * would put a person's action at night.
 */
export function layOut(story: Story, now: Date, calendar: Calendar, rng: Rng): Timeline {
  const timeline = businessTimeline(calendar);
  const beats = TEMPLATES[story.name].beats;
  const inHours = (ms: number) => {
    const pos = timeline.positionAt(ms);
    const frac = pos - Math.floor(pos);
    return frac >= WORK_START && frac <= WORK_END;
  };
  const sample = (from: number, gap: Gap, person: boolean): number => {
    if ('fixed' in gap) {
      return gap.fixed === 'consent' ? from - 7 * MS_PER_DAY : timeline.instantAt(timeline.positionAt(from) - 5);
    }
    let ms = from;
    for (let attempt = 0; attempt < 40; attempt++) {
      const d = rng.float(gap.min, gap.max);
      ms = gap.unit === 'days' ? from - d * MS_PER_DAY : timeline.instantAt(timeline.positionAt(from) - d);
      if (!person || inHours(ms)) break;
    }
    return ms;
  };
  const isPerson = (kind: BeatKind) => kind !== 'expire' && kind !== 'close';
  let times: number[] = [];
  for (let attempt = 0; attempt < 60; attempt++) {
    times = new Array<number>(beats.length);
    const lastKind = beats[beats.length - 1]![0];
    times[beats.length - 1] = sample(now.getTime(), currentElapsed(story), isPerson(lastKind));
    let ok = !isPerson(lastKind) || inHours(times[beats.length - 1]!);
    for (let i = beats.length - 2; i >= 0; i--) {
      const [kind, gap] = beats[i]!;
      times[i] = sample(times[i + 1]!, gap!, isPerson(kind));
      if (isPerson(kind) && !inHours(times[i]!)) ok = false;
    }
    if (ok) break;
  }
  // Whole seconds: timestamps people read; windows keep seconds of margin.
  return { beats: beats.map(([kind], i) => ({ kind, at: new Date(Math.floor(times[i]! / 1000) * 1000) })) };
}
