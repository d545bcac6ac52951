/**
 * What simulated partners and customers do next, for `npm run simulate` (issue 3): given the claims
 * the server shows and the time, propose a few actions that the shared core would accept now —
 * new claims with fresh PoE, submissions, resubmissions with the missing document, disputes,
 * opt-outs. Pure and seeded; the caller uploads `uploads` first, then sends each command as `actor`.
 */
import { createHash } from 'node:crypto';
import {
  decide,
  DEFAULT_CALENDAR,
  type Calendar,
  type Claim,
  type CommandInput,
} from '../../../shared/index';
import { DEMO_CUSTOMERS, DEMO_PARTNERS, type DemoPartner } from './data';
import { MS_PER_DAY } from './dates';
import type { DemoActor } from './plan-run';
import { generatePoePdf, type GeneratedPoe } from './poe-pdfs';
import { createRng, type Rng } from './random';

export type SimulatorAction = {
  actor: DemoActor;
  /** Files to upload (POST /documents) before sending the command; the command refers to them by SHA-256. */
  uploads: GeneratedPoe[];
  command: CommandInput;
  /** One line for the simulator's log. */
  summary: string;
};

export type SimulatorInput = {
  seed: number;
  /** Increases with every round, so each round draws differently. */
  round: number;
  now: Date;
  /** Claims as the server returns them (partners and customers see their own; pass them all). */
  claims: readonly Claim[];
  calendar?: Calendar;
  /** At most this many actions per round. */
  max?: number;
};

const partnerActor = (p: DemoPartner): DemoActor => ({ id: p.username, role: 'partner', partnerId: p.partnerId });

export async function simulatorActions(input: SimulatorInput): Promise<SimulatorAction[]> {
  const { now, claims } = input;
  const calendar = input.calendar ?? DEFAULT_CALENDAR;
  const rng = createRng(input.seed).fork(`round-${input.round}`);
  const max = input.max ?? 4;
  const actions: SimulatorAction[] = [];
  const accepted = (claim: Claim | null, action: SimulatorAction) => decide(claim, action.command, { actor: action.actor, now, calendar }).ok;
  const push = (claim: Claim | null, action: SimulatorAction | null) => {
    if (action && actions.length < max && accepted(claim, action)) actions.push(action);
  };

  for (const claim of rng.shuffle(claims)) {
    if (actions.length >= max) break;
    const partner = DEMO_PARTNERS.find((p) => p.partnerId === claim.partner.partnerId);
    if (!partner) continue;
    const actor = partnerActor(partner);
    if (claim.status === 'draft' && claim.documents.length && rng.chance(0.5)) {
      push(claim, { actor, uploads: [], command: { type: 'submit', claimId: claim.id }, summary: `${partner.name} submits ${claim.id}` });
    } else if (claim.status === 'partner_action_needed' && rng.chance(0.4)) {
      // Answer in two commands: attach the fixed PoE, then resubmit (returned as two actions).
      const file = await fixedPoe(claim, partner, now, rng);
      const edit: SimulatorAction = {
        actor,
        uploads: [file],
        command: { type: 'edit', claimId: claim.id, changes: { addDocuments: [documentOf(file, actor.id, now)] } },
        summary: `${partner.name} adds ${file.fileName} to ${claim.id}`,
      };
      const resubmit: SimulatorAction = {
        actor,
        uploads: [],
        command: { type: 'resubmit', claimId: claim.id, message: 'Added the signed customer acceptance.' },
        summary: `${partner.name} resubmits ${claim.id}`,
      };
      // The edit does not move the response window, so both can be checked on the claim as it is.
      if (accepted(claim, edit) && accepted(claim, resubmit) && actions.length + 2 <= max) actions.push(edit, resubmit);
    } else if (claim.status === 'rejected' && !claim.dispute && rng.chance(0.25)) {
      const file = await fixedPoe(claim, partner, now, rng);
      push(claim, {
        actor,
        uploads: [file],
        command: {
          type: 'dispute',
          claimId: claim.id,
          justification: 'The customer has now signed the acceptance; the signed copy is attached.',
          addDocuments: [documentOf(file, actor.id, now)],
        },
        summary: `${partner.name} disputes ${claim.id}`,
      });
    } else if (claim.status === 'approved' && rng.chance(0.1)) {
      const customer = DEMO_CUSTOMERS.find((c) => c.tenantId === claim.customer.tenantId && c.username);
      if (customer) {
        push(claim, {
          actor: { id: customer.username!, role: 'customer', tenantId: customer.tenantId },
          uploads: [],
          command: { type: 'optOut', claimId: claim.id, message: 'We did not work with this partner on this workload.' },
          summary: `${customer.name} opts out of ${claim.id}`,
        });
      }
    }
  }

  // New work arrives every round.
  for (let n = 0; actions.length < max && n < rng.int(1, 2); n++) {
    const partner = rng.pick(DEMO_PARTNERS);
    const customer = rng.pick(partner.language === 'ja' ? DEMO_CUSTOMERS.filter((c) => c.language === 'ja') : DEMO_CUSTOMERS);
    const products = rng.sample(customer.interests, rng.int(1, 2));
    const file = await generatePoePdf({
      seed: rng.int(1, 0x7fffffff),
      kind: rng.pick(['statement_of_work', 'acceptance_email', 'acceptance_certificate', 'deployment_report'] as const),
      variant: rng.chance(0.7) ? 'complete' : rng.pick(['unsigned', 'stale', 'no_product'] as const),
      language: customer.language === 'ja' && rng.chance(0.8) ? 'ja' : 'en',
      partner,
      customer,
      products,
      documentDate: new Date(now.getTime() - rng.int(2, 30) * MS_PER_DAY),
      pages: rng.int(1, 4),
    });
    const actor = partnerActor(partner);
    const claimId = `SIM-${input.seed}-${input.round}-${n + 1}`;
    const before = actions.length;
    push(null, {
      actor,
      uploads: [file],
      command: {
        type: 'create',
        claimId,
        partner: { partnerId: partner.partnerId, name: partner.name, contact: { name: partner.contact.name, email: partner.contact.email } },
        customer: { tenantId: customer.tenantId, name: customer.name, domain: customer.domain },
        products,
        documents: [documentOf(file, actor.id, now)],
      },
      summary: `${partner.name} creates ${claimId} for ${customer.name}`,
    });
    // Submitted right away (accepted once the create above is applied).
    if (actions.length > before && actions.length < max) actions.push({ actor, uploads: [], command: { type: 'submit', claimId }, summary: `${partner.name} submits ${claimId}` });
  }
  return actions;
}

/** A complete PoE for the claim as it stands: signed, dated, naming every claimed product. */
function fixedPoe(claim: Claim, partner: DemoPartner, now: Date, rng: Rng): Promise<GeneratedPoe> {
  const customer = DEMO_CUSTOMERS.find((c) => c.tenantId === claim.customer.tenantId) ?? DEMO_CUSTOMERS[0]!;
  return generatePoePdf({
    seed: rng.int(1, 0x7fffffff),
    kind: customer.language === 'ja' ? 'acceptance_certificate' : rng.pick(['acceptance_certificate', 'acceptance_email', 'statement_of_work'] as const),
    variant: 'complete',
    language: customer.language,
    partner,
    customer: { ...customer, name: claim.customer.name },
    products: claim.products.map((p) => p.productId),
    documentDate: new Date(now.getTime() - MS_PER_DAY),
    pages: 2,
  });
}

function documentOf(file: GeneratedPoe, uploadedBy: string, now: Date) {
  return {
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    fileName: file.fileName,
    mediaType: file.mediaType,
    size: file.bytes.length,
    pages: file.pages,
    uploadedBy,
    uploadedAt: now.toISOString(),
  };
}
