/**
 * Plurals go through i18next: a count written before a noun is a plural key
 * (_one/_other…), so no screen says "1 visits" or "1 rewards redeemed".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import i18n, { loadCatalogues, loadLanguage, mergeCatalogues } from './index';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * Counts that are never 1 where they are written, so a plural noun is right
 * after them (key → variable, and why).
 */
const NEVER_ONE: Record<string, string[]> = {
  'errors.pin.format': ['pinMax'], // 4 to 8 digits
  'errors.staffPin.format': ['pinMax'],
  'setup.ownerPinHint': ['max'],
  'staffAdmin.pinHint': ['max'],
  'errors.name.tooLong': ['max'], // 80 characters
  'errors.staffName.tooLong': ['max'],
  'errors.adjustment.reasonTooLong': ['maxReason'],
  'insights.activeMeans': ['days'], // always 30
  'insights.churnMeans': ['days'], // 7 to 365
};

function englishTexts(): Map<string, string> {
  const dir = join(import.meta.dirname, 'locales', 'en');
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json'));
  const tree = mergeCatalogues(
    Object.fromEntries(files.map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))])),
  );
  const out = new Map<string, string>();
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(node)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') out.set(key, v);
      else walk(v as Record<string, unknown>, key);
    }
  };
  walk(tree, '');
  return out;
}

describe('plurals', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('writes no count before a plural noun outside a plural key', () => {
    const singularOnly = [...englishTexts()].flatMap(([key, text]) =>
      PLURAL.test(key)
        ? []
        : [...text.matchAll(/{{\s*(\w+)[^}]*}}\s+([a-z]+s)\b/g)]
            .filter((m) => !/(ss|is|us)$/.test(m[2]!)) // "this", "bus": not plurals
            .filter((m) => !(NEVER_ONE[key] ?? []).includes(m[1]!))
            .map((m) => `${key}: ${m[0]}`),
    );
    expect(singularOnly).toEqual([]);
  });

  it('says "1 visit in all · 1 reward redeemed" at the counter, and counts in each language', async () => {
    const totals = (visits: number, redeemed: number) =>
      i18n.t('counter.totals', { visits, redeemed });
    await i18n.changeLanguage('en');
    expect(totals(1, 1)).toBe('1 visit in all · 1 reward redeemed');
    expect(totals(12, 0)).toBe('12 visits in all · 0 rewards redeemed');
    await loadLanguage('vi');
    await i18n.changeLanguage('vi');
    expect(totals(1, 2)).toBe('Tổng 1 lần ghé · 2 lần đổi quà');
  });

  it('names the insights buckets and periods in the singular for one', async () => {
    await loadCatalogues('owner');
    await i18n.changeLanguage('en');
    expect(i18n.t('insights.visitsBucket', { bucket: '1', count: 1 })).toBe('1 visit');
    expect(i18n.t('insights.visitsBucket', { bucket: '2–3', count: 2 })).toBe('2–3 visits');
    expect(i18n.t('insights.retentionMeans', { members: '3 members', count: 1 })).toContain(
      'in the 1 day before',
    );
  });
});
