/**
 * One word per idea in each language: the catalogues are held to the glossary
 * (glossary.json). No catalogue uses a word the glossary sets aside ("stempel"
 * where Indonesian says "cap"), and where the English text names an idea, the
 * translation names it with the glossary's word.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import glossary from './glossary.json';
import { mergeCatalogues } from './index';

const LOCALES = join(import.meta.dirname, 'locales');
const TRANSLATED = ['id', 'ms', 'vi'] as const;
type Language = 'en' | (typeof TRANSLATED)[number];

interface Entry {
  forms: string[];
  avoid?: string[];
  ignore?: string[];
}
const ideas = Object.entries(glossary).filter(([idea]) => !idea.startsWith('$')) as [
  string,
  Record<Language, Entry>,
][];

/**
 * Keys whose translation says the idea another way, on purpose (idea → keys).
 * Kept short: each is a sentence where the word would read wrongly.
 */
const SAID_OTHERWISE: Partial<Record<Language, Record<string, string[]>>> = {};

function leaves(language: string): Map<string, string> {
  const dir = join(LOCALES, language);
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
      if (typeof v === 'string') out.set(key, v.replace(/{{[^}]*}}/g, ' '));
      else walk(v as Record<string, unknown>, key);
    }
  };
  walk(tree, '');
  return out;
}

/** The word on its own: not inside a longer word ("cap" is not in "capai"). */
const word = (form: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    'iu',
  );
const names = (text: string, entry: Entry) => {
  const said = (entry.ignore ?? []).reduce(
    (t, phrase) => t.replace(new RegExp(word(phrase).source, 'giu'), ' '),
    text,
  );
  return entry.forms.some((f) => word(f).test(said));
};
/** A plural key's English text, for a translation that has only some of the plural forms. */
const englishOf = (english: Map<string, string>, key: string) =>
  english.get(key) ?? english.get(key.replace(/_(zero|one|two|few|many|other)$/, '_other'));

const english = leaves('en');

describe.each(TRANSLATED)('the %s catalogue follows the glossary', (language) => {
  const catalogue = leaves(language);

  it.each(ideas)('never uses a word set aside for "%s"', (_idea, entry) => {
    const avoid = entry[language].avoid ?? [];
    const found = [...catalogue].filter(([, text]) => avoid.some((a) => word(a).test(text)));
    expect(found.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it.each(ideas)('names "%s" with its word wherever English does', (idea, entry) => {
    const allowed = SAID_OTHERWISE[language]?.[idea] ?? [];
    const missing = [...catalogue].filter(([key, text]) => {
      const source = englishOf(english, key);
      return (
        source !== undefined &&
        names(source, entry.en) &&
        !names(text, entry[language]) &&
        !allowed.includes(key)
      );
    });
    expect(missing.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });
});

describe('the glossary itself', () => {
  it('has every idea in every language, and never sets aside a word it uses', () => {
    for (const [idea, entry] of ideas)
      for (const language of ['en', ...TRANSLATED] as const) {
        expect(entry[language]?.forms.length, `${idea} in ${language}`).toBeGreaterThan(0);
        for (const avoid of entry[language].avoid ?? [])
          expect(entry[language].forms).not.toContain(avoid);
      }
  });
});
