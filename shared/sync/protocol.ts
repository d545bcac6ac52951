/**
 * The sync protocol between the workstation and the server (ARCHITECTURE.md "Sync protocol"):
 * a server-authoritative command log. Both sides validate with these schemas.
 */
import { z } from 'zod';
import type { Calendar } from '../calendar/calendar';
import type { Policy } from '../domain/catalog';
import type { Claim, ClaimEvent, DecisionErrorCode } from '../domain/model';

export const PROTOCOL_VERSION = 1;
export const MAX_MUTATIONS_PER_PUSH = 500;

export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientId must be 8 to 64 letters, digits, _ or -');

/** One user action: `name` is a command type, `args` the command's other fields. */
export const mutationSchema = z.strictObject({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'name must be an action name such as startReview'),
  args: z.record(z.string(), z.unknown()),
  clientTime: z.iso.datetime({ offset: true }),
});
export type Mutation = z.output<typeof mutationSchema>;

export const pushRequestSchema = z.strictObject({
  protocolVersion: z.number().int().positive().default(PROTOCOL_VERSION),
  clientId: clientIdSchema,
  mutations: z.array(mutationSchema).max(MAX_MUTATIONS_PER_PUSH),
});
export type PushRequest = z.input<typeof pushRequestSchema>;

/** Codes a refusal can carry beyond the core's own. */
export type SyncRefusalCode = DecisionErrorCode | 'unknown_mutation' | 'unsupported_protocol';

export type MutationOutcome = {
  mutationId: number;
  name: string;
  status: 'applied' | 'refused';
  code?: SyncRefusalCode;
  message?: string;
  claimId?: string;
  /** The claim's version after this mutation was applied. */
  version?: number;
  recordedAt: string;
};

export type PushResponse = {
  /** Outcomes of the mutations of this request, duplicates included (answered from the record). */
  outcomes: MutationOutcome[];
  lastMutationId: number;
  /** Mutations after a gap are not applied; the client re-sends from here. */
  gapAt?: number;
};

export const pullQuerySchema = z.strictObject({
  clientId: clientIdSchema,
  /** Events and outcomes share one sequence; the cursor is the last one the client has. */
  cursor: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().positive().max(20_000).default(5_000),
});

export type SyncSettings = { calendar: Calendar; policy: Policy };

export type PullResponse = {
  /** Claims changed since the cursor: the current snapshot and the events after the cursor. */
  claims: { claim: Claim; events: ClaimEvent[] }[];
  cursor: number;
  /** More changes wait beyond `cursor`: pull again. */
  more: boolean;
  lastMutationId: number;
  /** This client's outcomes recorded after the cursor (refusals to show, acknowledgements). */
  outcomes: MutationOutcome[];
  serverTime: string;
  settings: SyncSettings;
};
