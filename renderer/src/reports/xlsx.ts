/**
 * Excel workbooks (.xlsx) through write-excel-file (its "universal" build: no Web Worker, so it
 * runs under the strict CSP and in tests). Text cells are typed as strings, so a value such as
 * "=HYPERLINK(…)" is shown as text and never evaluated; numbers stay numbers.
 */
import writeXlsxFile, { type Cell as XlsxCell, type Sheet } from 'write-excel-file/universal';

import { wellFormed } from './csv';
import type { Cell, Table } from './table';

/** Sheet names: at most 31 characters, none of []:*?/\ , unique within the workbook. */
export function sheetName(name: string, taken: ReadonlySet<string>): string {
  const base = wellFormed(name).replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  return candidate;
}

function cell(value: Cell): XlsxCell {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? { value, type: Number } : null;
  return { value: wellFormed(value), type: String };
}

export async function toXlsx(tables: readonly Table[]): Promise<Uint8Array> {
  const taken = new Set<string>();
  const sheets: Sheet<never>[] = tables.map((table) => {
    const name = sheetName(table.name, taken);
    taken.add(name.toLowerCase());
    const widths = table.headers.map((h, i) => Math.min(60, Math.max(10, h.length + 2, ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 2))));
    return {
      sheet: name,
      stickyRowsCount: 1,
      columns: widths.map((width) => ({ width })),
      data: [table.headers.map((h): XlsxCell => ({ value: wellFormed(h), type: String, fontWeight: 'bold' })), ...table.rows.map((row) => row.map(cell))],
    };
  });
  const blob = await writeXlsxFile(sheets).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
