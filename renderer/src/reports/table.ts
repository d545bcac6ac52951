/** A report as a plain table: what the CSV and XLSX writers take. */
export type Cell = string | number | null;

export type Table = {
  /** Sheet name in a workbook (≤ 31 characters, no []:*?/\). */
  name: string;
  headers: string[];
  rows: Cell[][];
};

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
