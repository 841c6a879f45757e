/**
 * The catalogues stay one key set: every language has every key (in its own
 * plural forms) with the same {{variables}}, and every key is used by the code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage, LANGUAGES, mergeCatalogues } from './index';

const LOCALES = join(import.meta.dirname, 'locales');
const SRC = join(import.meta.dirname, '..');

/** A language's files, the owner area's lazy ones (owner/*.json) included. */
function catalogue(language: string): Record<string, unknown> {
  const dir = join(LOCALES, language);
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json'));
  return mergeCatalogues(
    Object.fromEntries(files.map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))])),
  );
}

function leaves(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v as Record<string, unknown>, key)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Keys with plural suffixes folded: "counter.stamped_one" → "counter.stamped". */
const base = (key: string) => key.replace(PLURAL, '');
const variables = (text: string) => [...text.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return f === 'locales' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(f) && !f.endsWith('.test.ts') ? [path] : [];
  });
}

const english = leaves(catalogue('en'));
const present = LANGUAGES.filter((l) => l !== 'en' && readdirSync(LOCALES).includes(l));

describe('catalogues', () => {
  it.each(present)(
    '%s has every English key, in its plural forms, with the same variables',
    (language) => {
      const translated = leaves(catalogue(language));
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const expected = new Set<string>();
      for (const key of english.keys()) {
        if (PLURAL.test(key)) for (const c of categories) expected.add(`${base(key)}_${c}`);
        else expected.add(key);
      }
      expect([...expected].filter((k) => !translated.has(k))).toEqual([]);
      expect([...translated.keys()].filter((k) => !expected.has(k))).toEqual([]);
      for (const [key, text] of translated) {
        const englishText = english.get(key) ?? english.get(`${base(key)}_other`)!;
        expect({ key, vars: variables(text) }).toEqual({ key, vars: variables(englishText) });
      }
    },
  );

  it('uses every English key somewhere in the code', () => {
    const code = sourceFiles(SRC)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // t(`errors.${code}`) uses every key under "errors.": such prefixes count as used.
    const dynamic = [...code.matchAll(/`([a-zA-Z0-9_.]+)\.\$\{/g)].map((m) => `${m[1]}.`);
    // A text can use another: "$t(counter.visitsInAll, …)" (i18next nesting, for two plurals in one line).
    const nested = new Set(
      [...english.values()].flatMap((text) =>
        [...text.matchAll(/\$t\(([\w.]+)/g)].map((m) => m[1]),
      ),
    );
    const unused = [...new Set([...english.keys()].map(base))].filter(
      (key) =>
        !code.includes(`'${key}'`) &&
        !code.includes(`\`${key}\``) &&
        !nested.has(key) &&
        !dynamic.some((p) => key.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });

  it('starts in the stored choice, else the browser language, else English', () => {
    expect(detectLanguage(null, ['vi-VN', 'en'])).toBe('vi');
    expect(detectLanguage(null, ['ms'])).toBe('ms');
    expect(detectLanguage(null, ['fr-FR', 'id-ID'])).toBe('id');
    expect(detectLanguage(null, ['fr-FR', 'de'])).toBe('en');
    expect(detectLanguage('id', ['vi-VN'])).toBe('id');
    expect(detectLanguage('xx', ['vi-VN'])).toBe('vi');
  });
});
