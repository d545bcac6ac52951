/** Constants of the domain with their display labels (English; other languages live in the UI catalogue). */

export const STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'partner_action_needed',
  'approved',
  'sent_for_evaluation',
  'rejected',
  'disputed',
] as const;
export type Status = (typeof STATUSES)[number];

/** The names Partner Center shows for each status. */
export const STATUS_LABELS: Record<Status, string> = {
  draft: 'Editing',
  submitted: 'Submitted',
  in_review: 'Under review',
  partner_action_needed: 'Partner action required',
  approved: 'Approved — customer consent window open',
  sent_for_evaluation: 'Approved — sent for incentive eligibility evaluation',
  rejected: 'Rejected',
  disputed: 'Disputed — dispute in review',
};

/** Statuses in which a claim still waits for someone to act on it. */
export const OPEN_STATUSES: readonly Status[] = ['submitted', 'in_review', 'partner_action_needed', 'disputed'];

export const ROLES = ['partner', 'reviewer', 'supervisor', 'customer', 'system'] as const;
export type Role = (typeof ROLES)[number];

export const DEFICIENCY_CODES = [
  'missing_poe',
  'missing_customer_verification',
  'missing_or_stale_date',
  'missing_partner_solution',
  'missing_product',
] as const;
export type DeficiencyCode = (typeof DEFICIENCY_CODES)[number];

export const DEFICIENCY_LABELS: Record<DeficiencyCode, string> = {
  missing_poe: 'PoE missing, invalid or unrelated to this claim',
  missing_customer_verification: 'No customer signature or confirmation in the PoE',
  missing_or_stale_date: 'PoE has no date, or the date is too old for this claim',
  missing_partner_solution: 'The partner’s solution or service is not (sufficiently) described',
  missing_product: 'A claimed product or workload is not named in the PoE',
};

export const REJECTION_REASONS = [
  'insufficient_poe',
  'partner_request',
  'customer_rejected',
  'no_partner_response',
  'missing_customer_consent',
  'missing_product',
  'poe_unavailable',
  'dispute_denied',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const REJECTION_REASON_LABELS: Record<RejectionReason, string> = {
  insufficient_poe: 'Insufficient proof of execution',
  partner_request: 'Withdrawn at the partner’s request',
  customer_rejected: 'The customer opted out of the association',
  no_partner_response: 'The partner did not respond in time',
  missing_customer_consent: 'Customer consent is missing',
  missing_product: 'The claimed product is not supported by the PoE',
  poe_unavailable: 'The PoE could not be opened or is unavailable',
  dispute_denied: 'Dispute denied (final)',
};

/** Reasons a reviewer may choose when rejecting; the others are set by the system or the parties. */
export const REVIEWER_REJECTION_REASONS = [
  'insufficient_poe',
  'missing_customer_consent',
  'missing_product',
  'poe_unavailable',
] as const satisfies readonly RejectionReason[];

/** Rejections that cannot be disputed (SPEC §3). */
export const UNDISPUTABLE_REASONS: readonly RejectionReason[] = ['customer_rejected', 'partner_request', 'dispute_denied'];

export const PRODUCT_FAMILIES = ['business_applications', 'microsoft_365'] as const;
export type ProductFamily = (typeof PRODUCT_FAMILIES)[number];

export const PRODUCT_FAMILY_LABELS: Record<ProductFamily, string> = {
  business_applications: 'Business Applications',
  microsoft_365: 'Microsoft 365',
};

export type Product = { id: string; name: string; family: ProductFamily };

/** Workloads a CPOR claim can name. */
export const PRODUCTS: readonly Product[] = [
  { id: 'd365_sales', name: 'Dynamics 365 Sales', family: 'business_applications' },
  { id: 'd365_customer_service', name: 'Dynamics 365 Customer Service', family: 'business_applications' },
  { id: 'd365_field_service', name: 'Dynamics 365 Field Service', family: 'business_applications' },
  { id: 'd365_customer_insights', name: 'Dynamics 365 Customer Insights', family: 'business_applications' },
  { id: 'd365_finance', name: 'Dynamics 365 Finance', family: 'business_applications' },
  { id: 'd365_supply_chain', name: 'Dynamics 365 Supply Chain Management', family: 'business_applications' },
  { id: 'd365_business_central', name: 'Dynamics 365 Business Central', family: 'business_applications' },
  { id: 'd365_project_operations', name: 'Dynamics 365 Project Operations', family: 'business_applications' },
  { id: 'd365_commerce', name: 'Dynamics 365 Commerce', family: 'business_applications' },
  { id: 'd365_human_resources', name: 'Dynamics 365 Human Resources', family: 'business_applications' },
  { id: 'power_apps', name: 'Power Apps', family: 'business_applications' },
  { id: 'power_automate', name: 'Power Automate', family: 'business_applications' },
  { id: 'power_bi', name: 'Power BI', family: 'business_applications' },
  { id: 'power_pages', name: 'Power Pages', family: 'business_applications' },
  { id: 'copilot_studio', name: 'Microsoft Copilot Studio', family: 'business_applications' },
  { id: 'dataverse', name: 'Microsoft Dataverse', family: 'business_applications' },
  { id: 'exchange_online', name: 'Exchange Online', family: 'microsoft_365' },
  { id: 'sharepoint_online', name: 'SharePoint Online', family: 'microsoft_365' },
  { id: 'onedrive', name: 'OneDrive for Business', family: 'microsoft_365' },
  { id: 'teams', name: 'Microsoft Teams', family: 'microsoft_365' },
  { id: 'teams_phone', name: 'Teams Phone', family: 'microsoft_365' },
  { id: 'teams_rooms', name: 'Teams Rooms', family: 'microsoft_365' },
  { id: 'm365_apps', name: 'Microsoft 365 Apps for enterprise', family: 'microsoft_365' },
  { id: 'm365_copilot', name: 'Microsoft 365 Copilot', family: 'microsoft_365' },
  { id: 'intune', name: 'Microsoft Intune', family: 'microsoft_365' },
  { id: 'entra_id', name: 'Microsoft Entra ID', family: 'microsoft_365' },
  { id: 'defender_endpoint', name: 'Microsoft Defender for Endpoint', family: 'microsoft_365' },
  { id: 'defender_office', name: 'Microsoft Defender for Office 365', family: 'microsoft_365' },
  { id: 'purview', name: 'Microsoft Purview', family: 'microsoft_365' },
  { id: 'viva', name: 'Microsoft Viva', family: 'microsoft_365' },
  { id: 'windows_enterprise', name: 'Windows Enterprise', family: 'microsoft_365' },
];

export const PRODUCT_BY_ID: ReadonlyMap<string, Product> = new Map(PRODUCTS.map((p) => [p.id, p]));

/** Base checklist items (SPEC §5); each claimed product adds an item `product:<productId>`. */
export const BASE_CHECKLIST_ITEMS = ['poe_present', 'customer_verification', 'date', 'partner_solution'] as const;
export type BaseChecklistItem = (typeof BASE_CHECKLIST_ITEMS)[number];
export type ChecklistItemKey = BaseChecklistItem | `product:${string}`;

export const CHECKLIST_LABELS: Record<BaseChecklistItem, string> = {
  poe_present: 'PoE present and related to this claim',
  customer_verification: 'Customer verification (signature or confirmation)',
  date: 'Date (recent enough for this claim)',
  partner_solution: 'Partner solution or service described',
};

/** The deficiency code a failed checklist item stands for. */
export function deficiencyCodeOf(item: ChecklistItemKey): DeficiencyCode {
  switch (item) {
    case 'poe_present':
      return 'missing_poe';
    case 'customer_verification':
      return 'missing_customer_verification';
    case 'date':
      return 'missing_or_stale_date';
    case 'partner_solution':
      return 'missing_partner_solution';
    default:
      return 'missing_product';
  }
}

/** Fields a partner may edit, per status (SPEC §3 `edit`). Draft is still being written: all of it. */
export const EDITABLE_FIELDS = {
  draft: ['partnerId', 'partner', 'customer', 'customerContact', 'partnerContact', 'products', 'addDocuments', 'removeDocuments'],
  submitted: ['partnerId', 'products', 'customerContact', 'partnerContact', 'addDocuments'],
  partner_action_needed: ['partnerId', 'products', 'customerContact', 'partnerContact', 'addDocuments'],
} as const satisfies Partial<Record<Status, readonly string[]>>;
export type EditableStatus = keyof typeof EDITABLE_FIELDS;

/** Deadlines and thresholds; a deployment may change them. */
export type Policy = {
  /** Business days for pickup, review, partner response and dispute review. */
  pickupDays: number;
  reviewDays: number;
  partnerResponseDays: number;
  disputeReviewDays: number;
  /** Business days of reviewer time (submitted + in review) for the overall SLA. */
  overallDays: number;
  /** Customer consent window after approval; calendar days, or business days when `consentUnit` says so. */
  consentDays: number;
  consentUnit: 'days' | 'business_days';
  /** Calendar days after a rejection in which the partner may dispute. */
  disputeWindowDays: number;
  /** Fraction of a clock used from which it reads `at_risk`. */
  atRiskAt: number;
  /** The customer acknowledgement must be dated within this many months before submission. */
  poeMaxAgeMonths: number;
};

export const DEFAULT_POLICY: Policy = {
  pickupDays: 5,
  reviewDays: 5,
  partnerResponseDays: 5,
  disputeReviewDays: 5,
  overallDays: 10,
  consentDays: 7,
  consentUnit: 'days',
  disputeWindowDays: 30,
  atRiskAt: 0.75,
  poeMaxAgeMonths: 12,
};
