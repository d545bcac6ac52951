/**
 * CSV as RFC 4180 writes it, made safe for spreadsheets:
 *
 * - fields are separated by commas and records end in CRLF; a field is quoted when it contains a
 *   comma, a double quote, CR or LF (or starts/ends with white space), and quotes double inside;
 * - the file starts with a UTF-8 byte order mark, so Excel reads Japanese text as UTF-8;
 * - text that a spreadsheet would run as a formula (starting with = + - @, or a tab or CR that some
 *   programs skip before one) is prefixed with an apostrophe (OWASP "CSV injection"). Numbers are
 *   written as numbers and left alone: -1.5 is a value, not a formula.
 */
import type { Cell, Table } from './table';

export const UTF8_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** Prefixes text a spreadsheet would evaluate with `'`. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Lone surrogates (broken UTF-16) as U+FFFD, as String.prototype.toWellFormed does. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

export function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  // Lone surrogates cannot be written as UTF-8: replace them rather than corrupt the file.
  const text = neutralizeFormula(wellFormed(cell));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',');
}

/** The whole file: BOM, header record, one record per row, each ended by CRLF. */
export function toCsv(table: Pick<Table, 'headers' | 'rows'>): string {
  let out = UTF8_BOM + csvRecord(table.headers) + '\r\n';
  for (const row of table.rows) out += csvRecord(row) + '\r\n';
  return out;
}

/**
 * Reads CSV back (RFC 4180, the BOM dropped): for tests and for checking a written file. Returns
 * records of raw field text (the apostrophe of neutralized cells stays).
 */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && source[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
