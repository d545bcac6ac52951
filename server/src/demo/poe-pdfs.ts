/**
 * Realistic Proof-of-Execution PDFs for the demo (issue 3, "Demo data and simulator"): signed
 * statements of work, customer acceptance emails, acceptance certificates (検収書), deployment
 * reports and invoices, in English and Japanese, plus deliberately deficient variants so the
 * reviewer's checklist has real work to do. Pure function of the spec: same spec, same bytes.
 */
import type { DeficiencyCode } from '../../../shared/index';
import {
  buildContext,
  VARIANT_DEFICIENCIES,
  type DocContext,
  type PoeKind,
  type PoeSpec,
  type PoeVariant,
} from './poe-context';
import { acceptanceCertificate, acceptanceEmail, deploymentReport, invoice, statementOfWork, unrelatedEnglish } from './poe-en';
import { acceptanceCertificateJa, acceptanceEmailJa, deploymentReportJa, invoiceJa, unrelatedJa } from './poe-ja';
import { A4, LETTER, PdfWriter, isWinAnsi, type Region } from './pdf-writer';
import { createRng } from './random';

export { KIND_PAGES, KIND_VARIANTS, POE_KINDS, POE_VARIANTS, VARIANT_DEFICIENCIES } from './poe-context';
export type { PoeKind, PoeSpec, PoeVariant } from './poe-context';

export type GeneratedPoe = {
  fileName: string;
  mediaType: 'application/pdf';
  bytes: Uint8Array;
  kind: PoeKind;
  variant: PoeVariant;
  deficiencies: DeficiencyCode[];
  language: 'en' | 'ja';
  pages: number;
  /** Where the customer's signature (or its empty place), the date and the product names are, for annotations. */
  regions: Partial<Record<'signature' | 'date' | 'products', Region>>;
};

export const PDF_PRODUCER = 'PoE Reviewer Workstation demo generator (pdf-lib)';

type Layout = (w: PdfWriter, ctx: DocContext) => void;

const LAYOUTS: Record<'en' | 'ja', Record<PoeKind, Layout>> = {
  en: {
    statement_of_work: statementOfWork,
    acceptance_email: acceptanceEmail,
    acceptance_certificate: acceptanceCertificate,
    deployment_report: deploymentReport,
    invoice,
    unrelated: unrelatedEnglish,
  },
  ja: {
    // Japanese engagements document the scope in the 検収書 itself; there is no separate SOW form.
    statement_of_work: acceptanceCertificateJa,
    acceptance_email: acceptanceEmailJa,
    acceptance_certificate: acceptanceCertificateJa,
    deployment_report: deploymentReportJa,
    invoice: invoiceJa,
    unrelated: unrelatedJa,
  },
};

const CREATORS = ['Microsoft Word for Microsoft 365', 'Microsoft Outlook', 'DocuSign', 'Adobe Acrobat Pro'];

export async function generatePoePdf(spec: PoeSpec): Promise<GeneratedPoe> {
  const rng = createRng(spec.seed);
  const ctx = buildContext(spec, rng);
  const japanese = spec.language === 'ja';
  const strings = [ctx.customerName, ctx.partnerName, ctx.signatory.name, ctx.signatory.title, ctx.partnerPerson.name, ctx.partnerPerson.title, spec.partner.contact.name, ...spec.customer.address, ...spec.partner.address];
  const writer = await PdfWriter.create({
    size: japanese ? A4 : LETTER,
    margin: 54,
    japanese,
    needsJapanese: strings.some((s) => !isWinAnsi(s)),
    footer: ctx.pages > 1 ? (page, pages) => (japanese ? `${page} / ${pages} ページ` : `Page ${page} of ${pages}`) : undefined,
  });
  const kind = spec.variant === 'unrelated' ? 'unrelated' : spec.kind;
  LAYOUTS[spec.language][kind](writer, ctx);
  const title = fileTitle(kind, spec, ctx);
  const bytes = await writer.finish({
    title,
    author: kind === 'unrelated' || kind === 'acceptance_certificate' ? ctx.customerName : ctx.partnerName,
    subject: `${ctx.customerName} - ${ctx.productPhrase}`,
    keywords: [kind, spec.language],
    creator: CREATORS[spec.seed % CREATORS.length]!,
    producer: PDF_PRODUCER,
    // The document's own date, never the time it was generated: same spec, same bytes.
    at: spec.documentDate,
  });
  return {
    fileName: `${title}.pdf`,
    mediaType: 'application/pdf',
    bytes,
    kind,
    variant: spec.variant,
    deficiencies: [...VARIANT_DEFICIENCIES[spec.variant]],
    language: spec.language,
    pages: writer.doc.getPageCount(),
    regions: writer.regions,
  };
}

/** File names as partners upload them: a mix of tidy and untidy. */
function fileTitle(kind: PoeKind, spec: PoeSpec, ctx: DocContext): string {
  const customer = (spec.customer.nameEn ?? spec.customer.name).replace(/[^A-Za-z0-9]+/g, '');
  const product = ctx.productNames[0]?.replace(/[^A-Za-z0-9]+/g, '') ?? 'Project';
  const suffix = spec.variant === 'unsigned' ? '_draft' : ctx.signed && spec.seed % 2 === 0 ? '_signed' : '';
  if (spec.language === 'ja') {
    const name: Record<PoeKind, string> = {
      statement_of_work: '検収書',
      acceptance_certificate: '検収書',
      acceptance_email: 'Re_導入完了のご報告',
      deployment_report: '導入完了報告書',
      invoice: '請求書',
      unrelated: '社員食堂メニュー',
    };
    return `${name[kind]}_${spec.customer.name}_${ctx.reference}`;
  }
  switch (kind) {
    case 'statement_of_work':
      return `SOW_${customer}_${product}${suffix}`;
    case 'acceptance_email':
      return ctx.signed ? `RE_ ${product} deployment - completion and acceptance` : `${product} deployment - completion and acceptance`;
    case 'acceptance_certificate':
      return `Certificate_of_Acceptance_${customer}_${ctx.reference}${suffix}`;
    case 'deployment_report':
      return `${customer}_${product}_Deployment_Report${suffix}`;
    case 'invoice':
      return `INV-${ctx.reference}`;
    case 'unrelated':
      return `${customer}_${spec.seed % 2 ? 'brochure' : 'menu'}`;
  }
}
