/** A CSV cell: text, a number, a flag, or nothing. */
export type CsvCell = string | number | boolean | null | undefined;

// A cell starting with one of these is read as a formula by spreadsheet programs.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  // Neutralise formulas in text that came from outside (references, descriptions).
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: a header row, CRLF line ends, quotes doubled inside quoted cells. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * A quantity as the exports show it: exact to the millionth, as the JSON answers have it
 * (domain.md §2), with at least two decimals (2.50, 0.125, 0.000001). Two fixed decimals had
 * exported 0.125 as 0.13 and 0.000001 as 0.00.
 */
export function amount(value: number): string {
  return value.toFixed(6).replace(/0{1,4}$/, '');
}
