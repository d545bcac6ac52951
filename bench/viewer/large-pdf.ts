/**
 * A generated long PoE-like PDF (pdf-lib): N Letter pages of text with a heading "Page k of N"
 * and a distinctive word on every 50th page, for the viewer bench and the e2e large-file test.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const LINES = [
  'This statement of work describes the services delivered by the partner to the customer.',
  'The partner deployed and configured Dynamics 365 Sales and Power BI for the customer tenant.',
  'Acceptance of the deliverables was confirmed by the customer in writing on the date below.',
  'Milestones, resources and responsibilities are listed in the schedule attached to this page.',
];

export async function makeLargePdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setProducer('PoE Reviewer Workstation viewer bench (pdf-lib)');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (let k = 1; k <= pages; k++) {
    const page = pdf.addPage([612, 792]);
    page.drawText(`Page ${k} of ${pages}`, { x: 72, y: 720, size: 20, font: bold, color: rgb(0.05, 0.2, 0.45) });
    if (k % 50 === 0) page.drawText(`Milestone marker ${k / 50}`, { x: 72, y: 690, size: 12, font: bold });
    let y = 660;
    for (let row = 0; row < 28; row++) {
      page.drawText(LINES[(row + k) % LINES.length]!, { x: 72, y, size: 10, font });
      y -= 20;
    }
    page.drawRectangle({ x: 72, y: 80, width: 468, height: 1, color: rgb(0.6, 0.6, 0.6) });
  }
  return pdf.save({ useObjectStreams: true });
}
