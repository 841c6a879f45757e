/**
 * CSV as spreadsheets write it: RFC 4180 (CRLF, quotes only where needed) and
 * formula neutralising. Reading is in csv-read.ts (it brings papaparse along).
 */

export const BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as RFC 4180 text: CRLF after every record, the last one included. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (const row of rows) out += row.map(csvField).join(',') + '\r\n';
  return out;
}

/**
 * Text a spreadsheet would run as a formula (= + - @ tab CR at the start) is
 * prefixed with an apostrophe, which spreadsheets show as plain text. Text that
 * already starts with an apostrophe gets one more, so that reading it back
 * (unneutralise) is exact.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r']/.test(text) ? `'${text}` : text;
}

/** The reverse of neutralise(): one leading apostrophe is dropped. */
export function unneutralise(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}
