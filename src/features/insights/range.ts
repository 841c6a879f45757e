/** The period the owner looks at, in the device's own calendar days. */

export type Preset = '7' | '30' | '90' | 'custom';

const pad = (n: number) => String(n).padStart(2, '0');

/** The device's calendar day of a time, YYYY-MM-DD. */
export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight starting a YYYY-MM-DD day, or null if it is not a real date. */
export function dayStart(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return localDay(d.getTime()) === iso ? d.getTime() : null;
}

function addDays(at: number, days: number): number {
  const d = new Date(at);
  d.setDate(d.getDate() + days);
  return d.getTime();
}

/** The last `days` days, today included: [from, to). */
export function lastDays(days: number, now: number): { from: number; to: number } {
  const to = addDays(dayStart(localDay(now))!, 1);
  return { from: addDays(to, -days), to };
}

/** From one day to another, both included; null when the dates are missing or reversed. */
export function customRange(fromIso: string, toIso: string): { from: number; to: number } | null {
  const from = dayStart(fromIso);
  const last = dayStart(toIso);
  if (from === null || last === null || last < from) return null;
  return { from, to: addDays(last, 1) };
}
