/**
 * Dates and numbers for the members list, with the Intl formatters made once
 * per language: building one per cell made fast scrolling drop frames.
 */
const dates = new Map<string, Intl.DateTimeFormat>();
const numbers = new Map<string, Intl.NumberFormat>();

export function listDate(at: number, language: string): string {
  let f = dates.get(language);
  if (!f) dates.set(language, (f = new Intl.DateTimeFormat(language, { dateStyle: 'short' })));
  return f.format(at);
}

export function listNumber(n: number, language: string): string {
  let f = numbers.get(language);
  if (!f) numbers.set(language, (f = new Intl.NumberFormat(language)));
  return f.format(n);
}
