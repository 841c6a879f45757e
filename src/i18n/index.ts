/**
 * Every string a person reads goes through here.
 *
 * Catalogues live in locales/<language>/<area>.json (one file per feature, so
 * features do not edit each other's files); files deep-merge into one
 * i18next namespace (a feature may add its own `errors.<area>` keys).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

type Catalogue = Record<string, unknown>;

const english = import.meta.glob<Catalogue>('./locales/en/*.json', {
  eager: true,
  import: 'default',
});

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

export const LANGUAGES = ['en'] as const;

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: mergeCatalogues(english) } },
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export default i18n;
