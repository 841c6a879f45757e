/**
 * The app's own words in each language, for tests that find controls by their
 * accessible names in Indonesian, Malay or Vietnamese (i18next's {{variables}}
 * and _one/_other plurals, resolved the way the app resolves them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../support/serve';

type Tree = { [key: string]: string | Tree };

function merge(into: Tree, from: Tree): Tree {
  for (const [k, v] of Object.entries(from))
    into[k] = typeof v === 'string' ? v : merge((into[k] as Tree | undefined) ?? {}, v);
  return into;
}

function load(language: string): Tree {
  const dir = join(ROOT, 'src/i18n/locales', language);
  // Top-level files and the lazy groups' folders (owner/, program/, setup/…).
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json'))
    .reduce<Tree>((tree, f) => merge(tree, JSON.parse(readFileSync(join(dir, f), 'utf8'))), {});
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function catalogue(language: string): Translate {
  const tree = load(language);
  const lookup = (key: string): string | undefined => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : undefined;
  };
  return (key, vars = {}) => {
    const plural =
      typeof vars.count === 'number'
        ? lookup(`${key}_${new Intl.PluralRules(language).select(vars.count)}`)
        : undefined;
    const text = plural ?? lookup(key);
    if (text === undefined) throw new Error(`No "${key}" in the ${language} catalogue`);
    // "{{count, number}}": the app formats it; tests pass small numbers, written as they are.
    return text.replace(/{{\s*(\w+)\s*(?:,[^}]*)?}}/g, (_, name: string) =>
      String(vars[name] ?? ''),
    );
  };
}
