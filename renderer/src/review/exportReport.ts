/**
 * The deficiency report export: the claim's PoE files from this device's cache, the bundled font
 * for Japanese text, buildDeficiencyReport, then the bridge's save (a download in the browser).
 * Works offline; files not on this device are named on the cover as not included.
 */
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- a static asset, not code: Vite turns it into a URL of the bundled font file
import cjkFontUrl from '../../../resources/fonts/PoEDemoSansJP-Regular.ttf?url';
import type { Claim } from '@shared/index';
import type { WorkstationBridge } from '../bridge';
import { buildDeficiencyReport, type ReportDocument } from '../report/deficiencyReport';
import type { WorkstationDb } from '../store/db';

export function reportFileName(claimId: string): string {
  return `deficiency-report-${claimId}.pdf`;
}

async function loadFont(): Promise<Uint8Array | undefined> {
  try {
    const response = await fetch(cjkFontUrl);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined;
  } catch {
    // Without it, characters outside Latin-1 print as '?'; the report is still made.
    return undefined;
  }
}

export async function exportDeficiencyReport(options: { claim: Claim; db: WorkstationDb; bridge: WorkstationBridge; generatedBy: string; now: Date }): Promise<{ saved: boolean; name: string }> {
  const { claim, db, bridge } = options;
  const rows = await db.documents.bulkGet(claim.documents.map((d) => d.sha256));
  const documents: ReportDocument[] = [];
  for (const [i, row] of rows.entries()) {
    const ref = claim.documents[i]!;
    if (row) documents.push({ sha256: ref.sha256, fileName: ref.fileName, mediaType: ref.mediaType, bytes: new Uint8Array(await row.blob.arrayBuffer()) });
  }
  const cjkFont = await loadFont();
  const bytes = await buildDeficiencyReport({ claim, documents, generatedAt: options.now, generatedBy: options.generatedBy, ...(cjkFont ? { cjkFont } : {}) });
  const name = reportFileName(claim.id);
  const result = await bridge.saveFile({ suggestedName: name, mimeType: 'application/pdf', data: bytes });
  return { saved: result.saved, name };
}
