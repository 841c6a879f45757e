/**
 * Every string a person reads goes through here.
 *
 * Catalogues live in locales/<language>/<area>.json (one file per feature, so
 * features do not edit each other's files); a language's files deep-merge into
 * one i18next namespace (a feature may add its own `errors.<area>` keys).
 * English is bundled with the counter; the other languages are lazy chunks
 * (precached by the service worker, so switching works offline). Strings only the
 * owner area shows live in locales/<language>/owner/*.json and load, in every
 * language, when the owner area opens: they stay out of the counter's first load.
 */
import i18n from 'i18next';
import { use } from 'react';
import { initReactI18next } from 'react-i18next';
import { readText, STORED, writeText } from '../db/browser-storage';

type Catalogue = Record<string, unknown>;

export const LANGUAGES = ['en', 'id', 'ms', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, as a switch shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  id: 'Bahasa Indonesia',
  ms: 'Bahasa Melayu',
  vi: 'Tiếng Việt',
};

const english = import.meta.glob<Catalogue>('./locales/en/*.json', {
  eager: true,
  import: 'default',
});
const others = import.meta.glob<Catalogue>('./locales/{id,ms,vi}/*.json', { import: 'default' });
/**
 * Lazy groups: locales/<language>/<group>/*.json, loaded with the code that shows
 * them, in every language, so the counter's first load carries only its own words.
 * owner: the owner area; program: the loyalty program's words (a shop without a
 * program never downloads them); setup, card, scanner: their screens.
 */
const groupFiles = import.meta.glob<Catalogue>('./locales/*/*/*.json', { import: 'default' });
export type CatalogueGroup = 'owner' | 'program' | 'setup' | 'card' | 'scanner';
type Group = 'base' | CatalogueGroup;

/** Deep-merges a language's files; a leaf defined twice is a bug, reported at start-up. */
export function mergeCatalogues(files: Record<string, Catalogue>): Catalogue {
  const merged: Catalogue = {};
  const into = (target: Catalogue, source: Catalogue, path: string, file: string) => {
    for (const [key, value] of Object.entries(source)) {
      const here = path ? `${path}.${key}` : key;
      const existing = target[key];
      if (isObject(value) && (existing === undefined || isObject(existing))) {
        target[key] = existing ?? {};
        into(target[key] as Catalogue, value, here, file);
      } else if (existing !== undefined) {
        throw new Error(`i18n key "${here}" is defined twice (again in ${file})`);
      } else target[key] = value;
    }
  };
  for (const [file, catalogue] of Object.entries(files)) into(merged, catalogue, '', file);
  return merged;
}

function isObject(v: unknown): v is Catalogue {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLanguage(tag: string | null | undefined): tag is Language {
  return (LANGUAGES as readonly string[]).includes(tag ?? '');
}

/** The stored choice, else the first of the browser's languages we speak, else English. */
export function detectLanguage(stored: string | null, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** Which catalogue groups are in i18next, per language ("base" = the top-level files). */
const loaded = new Set<string>(['en:base']);
/** Lazy groups some screen has asked for: a language switch loads them too. */
const wanted = new Set<CatalogueGroup>();

async function loadGroup(language: Language, group: Group): Promise<void> {
  const id = `${language}:${group}`;
  if (loaded.has(id)) return;
  const prefix = group === 'base' ? `./locales/${language}/` : `./locales/${language}/${group}/`;
  const source = group === 'base' ? others : groupFiles;
  const entries = Object.entries(source).filter(([path]) => path.startsWith(prefix));
  const files = Object.fromEntries(
    await Promise.all(entries.map(async ([p, load]) => [p, await load()])),
  );
  // Deep-added: a group's keys join the language's other keys under the same roots.
  i18n.addResourceBundle(language, 'translation', mergeCatalogues(files), true, false);
  loaded.add(id);
}

/** A language's words: its base files and the lazy groups some screen has asked for. */
export async function loadLanguage(language: Language): Promise<void> {
  await loadGroup(language, 'base');
  for (const group of wanted) await loadGroup(language, group);
}

/** Lazy groups' strings, in English (the fallback) and the current language. */
export async function loadCatalogues(...groups: CatalogueGroup[]): Promise<void> {
  for (const group of groups) wanted.add(group);
  const current = isLanguage(i18n.language) ? i18n.language : 'en';
  await Promise.all(groups.flatMap((group) => [loadGroup('en', group), loadGroup(current, group)]));
}

const loading = new Map<string, Promise<void>>();

/**
 * For a component that writes lazy groups' words itself, not only through its
 * lazy children: it suspends until they are loaded. Without it, a parent that
 * rendered while the words were still loading keeps its raw keys: when the
 * suspended children come back, React reuses the parent's render (same props),
 * so e.g. the owner area's tabs read "owner.section.program" after /owner/program
 * was opened directly.
 */
export function useCatalogues(...groups: CatalogueGroup[]): void {
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  if (groups.every((g) => loaded.has(`en:${g}`) && loaded.has(`${language}:${g}`))) return;
  const key = `${language}:${groups.join(',')}`;
  let promise = loading.get(key);
  if (!promise) loading.set(key, (promise = loadCatalogues(...groups)));
  use(promise);
}

/** Switches the app's language and remembers it on this device. */
export async function setLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  writeText(STORED.language, language); // in private mode, the choice lasts for this visit
}

/** Before the first render: load the device's language so no English flashes first. */
export async function startLanguage(): Promise<void> {
  const language = detectLanguage(
    readText(STORED.language),
    typeof navigator === 'undefined' ? [] : navigator.languages,
  );
  if (language === 'en') return;
  await loadLanguage(language).catch(() => undefined);
  await i18n.changeLanguage(loaded.has(`${language}:base`) ? language : 'en');
  document.documentElement.lang = i18n.language;
}

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  resources: { en: { translation: mergeCatalogues(english) } },
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  // Words that arrive later (a lazy group) redraw what is on screen, in case it was drawn first.
  react: { bindI18nStore: 'added' },
});

export default i18n;
