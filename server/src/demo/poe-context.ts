/**
 * What a PoE document says, decided before it is laid out: who signs, which products it names, how
 * it describes the work, which dates it carries — and what a deficient variant leaves out.
 */
import { PRODUCT_BY_ID, type DeficiencyCode } from '../../../shared/index';
import type { DemoCustomer, DemoPartner, Person } from './data';
import { addDays } from './dates';
import type { Rng } from './random';

export const POE_KINDS = ['statement_of_work', 'acceptance_email', 'acceptance_certificate', 'deployment_report', 'invoice', 'unrelated'] as const;
export type PoeKind = (typeof POE_KINDS)[number];

export const POE_VARIANTS = ['complete', 'unsigned', 'undated', 'stale', 'no_product', 'no_solution', 'unrelated'] as const;
export type PoeVariant = (typeof POE_VARIANTS)[number];

/** What a careful reviewer flags on each variant (SPEC §5). */
export const VARIANT_DEFICIENCIES: Record<PoeVariant, DeficiencyCode[]> = {
  complete: [],
  unsigned: ['missing_customer_verification'],
  undated: ['missing_or_stale_date'],
  stale: ['missing_or_stale_date'],
  no_product: ['missing_product'],
  no_solution: ['missing_partner_solution'],
  unrelated: ['missing_poe'],
};

/** Variants each kind can express (an email always has a date; a SOW always describes work). */
export const KIND_VARIANTS: Record<PoeKind, readonly PoeVariant[]> = {
  statement_of_work: ['complete', 'unsigned', 'undated', 'stale', 'no_product'],
  acceptance_email: ['complete', 'unsigned', 'stale', 'no_product', 'no_solution'],
  acceptance_certificate: ['complete', 'unsigned', 'undated', 'stale', 'no_product', 'no_solution'],
  deployment_report: ['complete', 'unsigned', 'undated', 'stale', 'no_product'],
  invoice: ['complete', 'unsigned', 'stale', 'no_product', 'no_solution'],
  unrelated: ['unrelated'],
};

/** Page counts each kind is laid out on. */
export const KIND_PAGES: Record<PoeKind, readonly [number, number]> = {
  statement_of_work: [2, 6],
  acceptance_email: [1, 2],
  acceptance_certificate: [1, 1],
  deployment_report: [2, 5],
  invoice: [1, 2],
  unrelated: [1, 2],
};

export type PoeSpec = {
  /** Seeds everything the document invents: reference numbers, signatories, wording choices. */
  seed: number;
  kind: PoeKind;
  variant: PoeVariant;
  language: 'en' | 'ja';
  partner: DemoPartner;
  customer: DemoCustomer;
  /** Catalogue ids of the products the document names (ignored by `no_product` and `unrelated`). */
  products: string[];
  /** When the customer acknowledged the work (the date the document carries). */
  documentDate: Date;
  /** Pages to lay the document out on; clamped to the kind's range. */
  pages: number;
};

export type DocContext = {
  rng: Rng;
  spec: PoeSpec;
  timeZone: string;
  partnerName: string;
  customerName: string;
  signatory: Person;
  partnerPerson: Person;
  /** Catalogue names of the products named; empty when the variant names none. */
  productNames: string[];
  /** "Dynamics 365 Sales and Power BI", or a vague phrase when no product is named. */
  productPhrase: string;
  /** What the partner did, one line per task; empty when the variant does not describe it. */
  workItems: string[];
  signed: boolean;
  dated: boolean;
  describesWork: boolean;
  date: Date;
  startDate: Date;
  reference: string;
  pages: number;
};

const TASKS_EN: Record<string, string[]> = {
  d365_sales: ['configured lead, opportunity and quote processes in Dynamics 365 Sales', 'set up sales territories, security roles and Outlook integration', 'migrated 48,000 accounts and contacts from the legacy CRM'],
  d365_customer_service: ['deployed case management, queues and SLAs in Dynamics 365 Customer Service', 'configured the knowledge base and omnichannel chat', 'integrated the customer portal and email-to-case routing'],
  d365_field_service: ['configured work orders, resource scheduling and the mobile app in Dynamics 365 Field Service', 'set up IoT alerts for connected equipment'],
  d365_customer_insights: ['unified customer profiles from five data sources in Dynamics 365 Customer Insights', 'built segments and journeys for the marketing team'],
  d365_finance: ['configured the general ledger, accounts payable and receivable in Dynamics 365 Finance', 'ran the fiscal year-end close rehearsal'],
  d365_supply_chain: ['configured warehouse management and production control in Dynamics 365 Supply Chain Management', 'migrated item masters and open purchase orders'],
  d365_business_central: ['implemented Dynamics 365 Business Central for finance, inventory and purchasing', 'migrated opening balances and the chart of accounts'],
  d365_project_operations: ['configured project contracts, time entry and resource management in Dynamics 365 Project Operations'],
  d365_commerce: ['deployed point of sale and the e-commerce storefront on Dynamics 365 Commerce'],
  d365_human_resources: ['configured employee records, leave and benefits in Dynamics 365 Human Resources'],
  power_apps: ['built three canvas apps and one model-driven app on Power Apps for field inspections'],
  power_automate: ['automated approval and onboarding workflows with Power Automate'],
  power_bi: ['delivered executive and operational dashboards in Power BI with row-level security'],
  power_pages: ['launched a partner self-service site on Power Pages'],
  copilot_studio: ['built and published a customer-facing agent with Microsoft Copilot Studio'],
  dataverse: ['designed the Microsoft Dataverse data model and environment strategy'],
  exchange_online: ['migrated 1,200 mailboxes to Exchange Online'],
  sharepoint_online: ['migrated departmental file shares to SharePoint Online and set up the intranet'],
  onedrive: ['rolled out OneDrive for Business with known-folder move for all users'],
  teams: ['deployed Microsoft Teams with governance policies and adoption training'],
  teams_phone: ['ported 600 numbers to Teams Phone and configured auto attendants'],
  teams_rooms: ['installed and configured 24 Teams Rooms devices'],
  m365_apps: ['deployed Microsoft 365 Apps for enterprise to 1,500 devices'],
  m365_copilot: ['ran the Microsoft 365 Copilot readiness assessment and enabled 300 users'],
  intune: ['enrolled 2,000 devices in Microsoft Intune with compliance policies'],
  entra_id: ['configured Microsoft Entra ID conditional access and single sign-on for 40 applications'],
  defender_endpoint: ['onboarded all endpoints to Microsoft Defender for Endpoint'],
  defender_office: ['configured Microsoft Defender for Office 365 anti-phishing and safe links policies'],
  purview: ['implemented Microsoft Purview sensitivity labels and data loss prevention policies'],
  viva: ['launched Microsoft Viva Connections and Viva Insights for all employees'],
  windows_enterprise: ['upgraded 1,800 devices to Windows Enterprise with Autopilot'],
};

const TASKS_JA_SUFFIX = ['の環境構築と初期設定', 'の業務要件に基づくカスタマイズ', 'へのデータ移行と検証', 'の利用者向けトレーニング'];

export function productName(id: string): string {
  const product = PRODUCT_BY_ID.get(id);
  if (!product) throw new RangeError(`unknown product ${id}`);
  return product.name;
}

export function joinNames(names: string[], language: 'en' | 'ja'): string {
  if (language === 'ja') return names.join('、');
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function vaguePhrase(products: string[], language: 'en' | 'ja'): string {
  const m365 = products.some((p) => PRODUCT_BY_ID.get(p)?.family === 'microsoft_365');
  if (language === 'ja') return m365 ? '社内コラボレーション基盤' : 'クラウド業務システム';
  return m365 ? 'the new collaboration environment' : 'the new CRM and business process platform';
}

export function buildContext(spec: PoeSpec, rng: Rng): DocContext {
  const { partner, customer, language, variant } = spec;
  const named = variant !== 'no_product' && variant !== 'unrelated';
  const productNames = named ? spec.products.map(productName) : [];
  const [minPages, maxPages] = KIND_PAGES[spec.kind];
  // An email without the customer's reply (or without a work summary) has no quoted thread to continue on page 2.
  const single = spec.kind === 'acceptance_email' && (variant === 'unsigned' || variant === 'no_solution');
  const pages = single ? 1 : Math.min(maxPages, Math.max(minPages, Math.round(spec.pages)));
  const describesWork = variant !== 'no_solution';
  const workItems = !describesWork
    ? []
    : named
      ? spec.products.flatMap((id) =>
          language === 'ja'
            ? rng.sample(TASKS_JA_SUFFIX, 2).map((suffix) => `${productName(id)}${suffix}`)
            : (TASKS_EN[id] ?? [`implemented ${productName(id)}`]).slice(0, 2),
        )
      : language === 'ja'
        ? ['新システムの環境構築と初期設定', '既存データの移行と検証', '利用者向けトレーニング']
        : ['configured the new platform to the agreed requirements', 'migrated existing data and validated it with key users', 'trained administrators and end users'];
  return {
    rng,
    spec,
    timeZone: language === 'ja' || customer.language === 'ja' ? 'Asia/Tokyo' : 'America/Los_Angeles',
    partnerName: language === 'ja' && partner.nameJa ? `${partner.nameJa}（${partner.name}）` : partner.name,
    customerName: language === 'en' && customer.nameEn ? `${customer.name} (${customer.nameEn})` : customer.name,
    signatory: rng.pick(customer.signatories),
    partnerPerson: rng.pick(partner.staff),
    productNames,
    productPhrase: named ? joinNames(productNames, language) : vaguePhrase(spec.products, language),
    workItems,
    signed: variant !== 'unsigned',
    dated: variant !== 'undated',
    describesWork,
    date: spec.documentDate,
    startDate: addDays(spec.documentDate, -rng.int(35, 120)),
    reference: `${initials(partner.name)}-${yearOf(spec.documentDate)}-${String(rng.int(17, 980)).padStart(4, '0')}`,
    pages,
  };
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('')
    .slice(0, 3);
}

function yearOf(at: Date): number {
  return at.getUTCFullYear();
}

/** Given name for greetings: "Jordan" of "Jordan Ellis"; Japanese names are greeted by family name. */
export function greetingName(person: Person): string {
  const [first] = person.name.replace(/^Dr\.\s+/, '').split(/\s+/);
  return first ?? person.name;
}

export function familyName(person: Person): string {
  return person.name.split(/\s+/)[0] ?? person.name;
}
