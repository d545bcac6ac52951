/**
 * Commands: what an actor asks to do to a claim. Each has a zod schema because commands arrive from
 * outside (sync push, partner API); `decide` validates them before any rule runs.
 */
import { z } from 'zod';
import { DEFICIENCY_CODES, PRODUCT_BY_ID, REJECTION_REASONS } from './catalog';

const MAX_TEXT = 100_000;
const id = z.string().trim().min(1, 'must not be empty').max(200);
const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`).max(MAX_TEXT, `${what} is longer than ${MAX_TEXT} characters`);
const isoInstant = z.iso.datetime({ offset: true });

export const contactSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  phone: z.string().trim().max(50).optional(),
});

export const partnerSchema = z.strictObject({
  partnerId: z.string().regex(/^\d{6,10}$/, 'Partner ID must be 6 to 10 digits'),
  name: z.string().trim().min(1).max(200),
  contact: contactSchema,
});

export const customerSchema = z.strictObject({
  // Lower-cased: tenant ids are compared for ownership, and GUIDs are case-insensitive.
  tenantId: z.guid('tenant id must be a GUID').transform((v) => v.toLowerCase()),
  name: z.string().trim().min(1).max(200),
  domain: z.string().trim().min(3).max(253).regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'domain must look like contoso.com'),
  contact: contactSchema.optional(),
});

export const productIdSchema = z.string().refine((p) => PRODUCT_BY_ID.has(p), { message: 'unknown product' });
const productsSchema = z
  .array(productIdSchema)
  .min(1, 'at least one product is required')
  .max(50)
  .refine((ps) => new Set(ps).size === ps.length, { message: 'a product is listed twice' });

export const documentSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits'),
  fileName: z.string().trim().min(1).max(255),
  mediaType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  size: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  uploadedBy: id,
  uploadedAt: isoInstant,
});

/** A rectangle in PDF user space (points, origin bottom-left) so it survives zoom and rotation. */
export const rectSchema = z.strictObject({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().nonnegative(),
  height: z.number().finite().nonnegative(),
});

export const checklistItemKeySchema = z.union([
  z.enum(['poe_present', 'customer_verification', 'date', 'partner_solution']),
  z.templateLiteral(['product:', z.string().min(1).max(100)]),
]);

export const evidenceSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  page: z.number().int().min(1),
  rect: rectSchema.optional(),
});

const claimId = id;

export const commandSchemas = {
  create: z.strictObject({
    type: z.literal('create'),
    claimId,
    partner: partnerSchema,
    customer: customerSchema,
    products: productsSchema,
    documents: z.array(documentSchema).max(50).default([]),
  }),
  submit: z.strictObject({ type: z.literal('submit'), claimId }),
  startReview: z.strictObject({ type: z.literal('startReview'), claimId }),
  requestInfo: z.strictObject({
    type: z.literal('requestInfo'),
    claimId,
    codes: z.array(z.enum(DEFICIENCY_CODES)).min(1, 'choose at least one deficiency code'),
    message: text('message to the partner'),
    /** Products the PoE does not support, which the partner is asked to remove. */
    removeProducts: z.array(productIdSchema).optional(),
  }),
  resubmit: z.strictObject({ type: z.literal('resubmit'), claimId, message: text('message').optional() }),
  approve: z.strictObject({ type: z.literal('approve'), claimId, message: text('message').optional() }),
  reject: z.strictObject({
    type: z.literal('reject'),
    claimId,
    reasons: z.array(z.enum(REJECTION_REASONS)).min(1, 'choose at least one rejection reason'),
    message: text('message to the partner'),
  }),
  withdraw: z.strictObject({ type: z.literal('withdraw'), claimId, message: text('message').optional() }),
  optOut: z.strictObject({ type: z.literal('optOut'), claimId, message: text('message').optional() }),
  dispute: z.strictObject({
    type: z.literal('dispute'),
    claimId,
    justification: text('business justification'),
    addDocuments: z.array(documentSchema).max(50).optional(),
  }),
  approveDispute: z.strictObject({ type: z.literal('approveDispute'), claimId, message: text('message').optional() }),
  denyDispute: z.strictObject({ type: z.literal('denyDispute'), claimId, message: text('message to the partner') }),
  comment: z.strictObject({ type: z.literal('comment'), claimId, commentId: id, text: text('comment') }),
  setChecklistItem: z.strictObject({
    type: z.literal('setChecklistItem'),
    claimId,
    item: checklistItemKeySchema,
    result: z.enum(['pass', 'fail']).nullable(),
    note: z.string().max(MAX_TEXT).optional(),
    evidence: z.array(evidenceSchema).max(100).optional(),
  }),
  annotate: z.strictObject({
    type: z.literal('annotate'),
    claimId,
    annotationId: id,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    page: z.number().int().min(1),
    rect: rectSchema,
    item: checklistItemKeySchema.optional(),
    code: z.enum(DEFICIENCY_CODES).optional(),
    note: z.string().max(MAX_TEXT).optional(),
    /** Selected text the annotation quotes, if made from a text selection. */
    quote: z.string().max(MAX_TEXT).optional(),
  }),
  assign: z.strictObject({ type: z.literal('assign'), claimId, assignee: id.nullable() }),
  edit: z.strictObject({
    type: z.literal('edit'),
    claimId,
    changes: z
      .strictObject({
        partnerId: partnerSchema.shape.partnerId.optional(),
        partner: partnerSchema.optional(),
        customer: customerSchema.optional(),
        customerContact: contactSchema.optional(),
        partnerContact: contactSchema.optional(),
        products: productsSchema.optional(),
        addDocuments: z.array(documentSchema).max(50).optional(),
        removeDocuments: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(50).optional(),
      })
      .refine((c) => Object.keys(c).length > 0, { message: 'nothing to change' }),
  }),
  /** System: the partner-response window ran out (SPEC §3). `dueAt` is when it ran out. */
  expirePartnerResponse: z.strictObject({ type: z.literal('expirePartnerResponse'), claimId, dueAt: isoInstant }),
  /** System: the customer consent window ended without an opt-out. */
  closeConsentWindow: z.strictObject({ type: z.literal('closeConsentWindow'), claimId, dueAt: isoInstant }),
} as const;

export type CommandType = keyof typeof commandSchemas;
export const COMMAND_TYPES = Object.keys(commandSchemas) as CommandType[];
export const SYSTEM_COMMAND_TYPES: readonly CommandType[] = ['expirePartnerResponse', 'closeConsentWindow'];

export const commandSchema = z.discriminatedUnion('type', [
  commandSchemas.create,
  commandSchemas.submit,
  commandSchemas.startReview,
  commandSchemas.requestInfo,
  commandSchemas.resubmit,
  commandSchemas.approve,
  commandSchemas.reject,
  commandSchemas.withdraw,
  commandSchemas.optOut,
  commandSchemas.dispute,
  commandSchemas.approveDispute,
  commandSchemas.denyDispute,
  commandSchemas.comment,
  commandSchemas.setChecklistItem,
  commandSchemas.annotate,
  commandSchemas.assign,
  commandSchemas.edit,
  commandSchemas.expirePartnerResponse,
  commandSchemas.closeConsentWindow,
]);

/** A command as callers write it (defaults may be omitted). */
export type CommandInput = z.input<typeof commandSchema>;
/** A command after validation. */
export type Command = z.output<typeof commandSchema>;
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export type Contact = z.output<typeof contactSchema>;
export type PartnerInfo = z.output<typeof partnerSchema>;
export type CustomerInfo = z.output<typeof customerSchema>;
export type PoeDocument = z.output<typeof documentSchema>;
export type Rect = z.output<typeof rectSchema>;
export type Evidence = z.output<typeof evidenceSchema>;
