/** The claim (SPEC §2) and the events whose fold it is (SPEC §7). Instants are ISO-8601 UTC strings. */
import type {
  ChecklistItemKey,
  DeficiencyCode,
  ProductFamily,
  RejectionReason,
  Role,
  Status,
} from './catalog';
import type { Contact, CustomerInfo, Evidence, PartnerInfo, PoeDocument, Rect } from './commands';

export type Actor = {
  id: string;
  role: Role;
  /** Set for partners: the Partner ID they act for. When present, it must match the claim's. */
  partnerId?: string;
  /** Set for customers: the tenant they act for. When present, it must match the claim's. */
  tenantId?: string;
};

export type ClaimedProduct = { productId: string; family: ProductFamily };

export type ChecklistEntry = {
  result: 'pass' | 'fail' | null;
  note?: string;
  evidence?: Evidence[];
  by: string;
  at: string;
};

export type Annotation = {
  id: string;
  sha256: string;
  page: number;
  rect: Rect;
  item?: ChecklistItemKey;
  code?: DeficiencyCode;
  note?: string;
  quote?: string;
  by: string;
  at: string;
};

export type Comment = { id: string; by: string; role: Role; at: string; text: string };

/**
 * One stay in a status: the claim entered `status` at `from`. Clocks are computed from these.
 * `fromMs` is `from` as epoch ms, kept because clocks read every entry of every claim each second
 * and parsing dominates that; absent in hand-made data, where `from` is parsed instead.
 */
export type StatusSpan = { status: Status; from: string; fromMs?: number };

export type InfoRequest = { codes: DeficiencyCode[]; message: string; removeProducts?: string[]; by: string; at: string };

export type Rejection = { reasons: RejectionReason[]; message: string; by: string; at: string };

export type Dispute = { justification: string; by: string; at: string };

export type Claim = {
  id: string;
  partner: PartnerInfo;
  customer: CustomerInfo;
  products: ClaimedProduct[];
  documents: PoeDocument[];
  checklist: Partial<Record<ChecklistItemKey, ChecklistEntry>>;
  annotations: Annotation[];
  comments: Comment[];
  assignee: string | null;
  status: Status;
  /** Number of events folded into this claim; the version sync and optimistic checks use. */
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  firstSubmittedAt: string | null;
  /** Every status the claim has been in, oldest first; the last entry is the current status. */
  statusLog: StatusSpan[];
  infoRequests: InfoRequest[];
  rejection: Rejection | null;
  dispute: Dispute | null;
  approvedAt: string | null;
};

type EventBase<T extends string, P> = {
  /** `${claimId}:${seq}` — unique and stable. */
  id: string;
  claimId: string;
  /** 1-based position in the claim's history; equals the claim's version after this event. */
  seq: number;
  type: T;
  at: string;
  actor: { id: string; role: Role };
  payload: P;
};

export type ClaimEvent =
  | EventBase<'created', { partner: PartnerInfo; customer: CustomerInfo; products: ClaimedProduct[]; documents: PoeDocument[] }>
  | EventBase<'submitted', Record<string, never>>
  | EventBase<'reviewStarted', { assignee: string }>
  | EventBase<'infoRequested', { codes: DeficiencyCode[]; message: string; removeProducts?: string[] }>
  | EventBase<'resubmitted', { message?: string }>
  | EventBase<'approved', { message?: string }>
  | EventBase<'rejected', { reasons: RejectionReason[]; message: string }>
  | EventBase<'withdrawn', { message?: string }>
  | EventBase<'optedOut', { message?: string }>
  | EventBase<'disputed', { justification: string; addDocuments?: PoeDocument[] }>
  | EventBase<'disputeApproved', { message?: string }>
  | EventBase<'disputeDenied', { message: string }>
  | EventBase<'commented', { commentId: string; text: string }>
  | EventBase<'checklistItemSet', { item: ChecklistItemKey; result: 'pass' | 'fail' | null; note?: string; evidence?: Evidence[] }>
  | EventBase<'annotated', Omit<Annotation, 'by' | 'at'>>
  | EventBase<'assigned', { assignee: string | null }>
  | EventBase<'edited', EditChanges>
  | EventBase<'partnerResponseExpired', { dueAt: string }>
  | EventBase<'sentForEvaluation', { dueAt: string }>;

export type ClaimEventType = ClaimEvent['type'];
export type EventOf<T extends ClaimEventType> = Extract<ClaimEvent, { type: T }>;

export type EditChanges = {
  partnerId?: string;
  partner?: PartnerInfo;
  customer?: CustomerInfo;
  customerContact?: Contact;
  partnerContact?: Contact;
  products?: string[];
  addDocuments?: PoeDocument[];
  removeDocuments?: string[];
};

export type DecisionError = { code: DecisionErrorCode; message: string };
export type DecisionErrorCode =
  | 'validation'
  | 'not_found'
  | 'already_exists'
  | 'forbidden'
  | 'invalid_transition'
  | 'window_closed'
  | 'not_due'
  | 'checklist_incomplete'
  | 'precondition_failed'
  | 'not_disputable';

export type Decision = { ok: true; events: ClaimEvent[] } | { ok: false; error: DecisionError };
