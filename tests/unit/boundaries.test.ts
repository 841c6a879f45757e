/**
 * The lint rules that hold the layout (eslint.config.js) really fire: for each
 * zone, a probe import at a path inside it is reported with the zone's message,
 * and an import the layers allow is not. The probes are linted as text at those
 * paths (nothing is written); imports resolve against the real tree.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Linting loads the config and parser once, then follows imports through the tree: slow on a busy machine.
const SLOW = 60_000;
let eslint: ESLint;

beforeAll(async () => {
  // ignore: false lets the cycle fixture (ignored by `npm run lint`) be linted here.
  eslint = new ESLint({ cwd: ROOT, ignore: false });
  await eslint.lintText('export {};\n', { filePath: `${ROOT}/src/domain/probe.ts` });
}, SLOW);

/** What lint reports for `code` at `path` (relative to the repository), rule and message. */
async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: `${ROOT}/${path}` });
  return result!.messages
    .filter((m) => m.ruleId !== '@typescript-eslint/no-unused-vars')
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const importing = (from: string) => `import * as probe from '${from}';\nexport { probe };`;

interface Probe {
  zone: string;
  /** Where the probe file would be. */
  at: string;
  /** A forbidden import, and the rule and words it is reported with. */
  forbidden: string;
  rule: string;
  says: string;
  /** An import the layers allow from the same place. */
  allowed: string;
}

const RESTRICTED_PATH = 'import-x/no-restricted-paths';

const probes: Probe[] = [
  {
    zone: 'domain imports only the domain',
    at: 'src/domain/probe.ts',
    forbidden: importing('../shared/pin'),
    rule: RESTRICTED_PATH,
    says: 'The domain is pure: it imports nothing outside src/domain.',
    allowed: importing('./owner-lock'),
  },
  {
    zone: 'the domain uses no UI, storage or i18n library',
    at: 'src/domain/probe.ts',
    forbidden: importing('react'),
    rule: 'no-restricted-imports',
    says: 'The domain is pure: no UI, storage or i18n.',
    allowed: importing('zod'),
  },
  {
    zone: 'the domain has no clock',
    at: 'src/domain/probe.ts',
    forbidden: 'export const now = Date.now();',
    rule: 'no-restricted-syntax',
    says: 'Pass the time in: the domain has no clock.',
    allowed: 'export const later = (now: number) => now + 1;',
  },
  {
    zone: 'the domain has no randomness',
    at: 'src/domain/probe.ts',
    forbidden: 'export const pick = Math.random();',
    rule: 'no-restricted-syntax',
    says: 'Pass randomness in: the domain is deterministic.',
    allowed: 'export const pick = (random: () => number) => random();',
  },
  {
    zone: 'shared imports only domain and shared',
    at: 'src/shared/probe.ts',
    forbidden: importing('../db/ids'),
    rule: RESTRICTED_PATH,
    says: 'src/shared is imported by the server too',
    allowed: importing('../domain/owner-lock'),
  },
  {
    zone: 'db sits below sync, ui, features and app',
    at: 'src/db/probe.ts',
    forbidden: importing('../ui/pin-lock-store'),
    rule: RESTRICTED_PATH,
    says: 'src/db sits below sync, ui, features and app',
    allowed: importing('../shared/pin'),
  },
  {
    zone: 'sync sits below ui, features and app',
    at: 'src/sync/probe.ts',
    forbidden: importing('../features/card/my-card'),
    rule: RESTRICTED_PATH,
    says: 'src/sync sits below ui, features and app',
    allowed: importing('../db/ids'),
  },
  {
    zone: 'ui sits below features',
    at: 'src/ui/probe.ts',
    forbidden: importing('../features/card/my-card'),
    rule: RESTRICTED_PATH,
    says: 'src/ui and src/i18n sit below features and app',
    allowed: importing('../i18n/format'),
  },
  {
    zone: 'i18n sits below app',
    at: 'src/i18n/probe.ts',
    forbidden: importing('../app/router'),
    rule: RESTRICTED_PATH,
    says: 'src/ui and src/i18n sit below features and app',
    allowed: importing('../db/browser-storage'),
  },
  {
    zone: "a feature never imports another feature's insides",
    at: 'src/features/members/probe.ts',
    forbidden: importing('../../features/card/kept-card'),
    rule: RESTRICTED_PATH,
    says: 'never another feature',
    allowed: importing('./formatters'),
  },
  {
    zone: 'a feature never imports another feature, one folder up either',
    at: 'src/features/members/sub/probe.ts',
    forbidden: importing('../../card/kept-card'),
    rule: RESTRICTED_PATH,
    says: 'never another feature',
    allowed: importing('../../../ui/Field'),
  },
  {
    zone: 'a feature never imports src/app',
    at: 'src/features/card/probe.ts',
    forbidden: importing('../../app/router'),
    rule: RESTRICTED_PATH,
    says: 'never another feature, src/app or the server',
    allowed: importing('../../db/hooks'),
  },
  {
    zone: 'the app never imports the server',
    at: 'src/app/probe.ts',
    forbidden: importing('../server/security'),
    rule: RESTRICTED_PATH,
    says: 'The app runs in the browser: it never imports the server.',
    allowed: importing('../features/card/my-card'),
  },
  {
    zone: 'the server shares only domain and shared, at any depth',
    at: 'src/server/store/probe.ts',
    forbidden: importing('../../db/ids'),
    rule: RESTRICTED_PATH,
    says: 'The server shares only src/domain and src/shared with the app.',
    allowed: importing('../../shared/pin'),
  },
  {
    zone: 'the server uses no browser library',
    at: 'src/server/probe.ts',
    forbidden: importing('dexie'),
    rule: 'no-restricted-imports',
    says: 'The server shares only domain and shared code',
    allowed: importing('hono'),
  },
  {
    zone: 'shared uses no browser library',
    at: 'src/shared/probe.ts',
    forbidden: importing('react'),
    rule: 'no-restricted-imports',
    says: 'src/shared runs on the server too',
    allowed: importing('zod'),
  },
  {
    zone: 'only src/db and src/app hold the Dexie instance',
    at: 'src/features/members/probe.ts',
    forbidden: importing('../../db/db'),
    rule: RESTRICTED_PATH,
    says: "Screens use the app's database through src/db",
    allowed: importing('../../db/hooks'),
  },
  {
    zone: 'the Dexie instance is not loaded lazily either',
    at: 'src/ui/probe.ts',
    forbidden: "export const load = () => import('../db/db');",
    rule: RESTRICTED_PATH,
    says: "Screens use the app's database through src/db",
    allowed: "export const load = () => import('../db/actions');",
  },
  {
    zone: 'src/app holds the Dexie instance',
    at: 'src/app/probe.ts',
    forbidden: importing('dexie'),
    rule: 'no-restricted-imports',
    says: 'Only src/db talks to Dexie',
    allowed: importing('../db/db'),
  },
  {
    zone: "screens read through db's hooks, not useLiveQuery",
    at: 'src/features/members/probe.ts',
    forbidden: importing('dexie-react-hooks'),
    rule: 'no-restricted-imports',
    says: "Screens read through src/db's hooks",
    allowed: importing('../../db/actions'),
  },
  {
    zone: 'only src/db talks to Dexie',
    at: 'src/ui/probe.ts',
    forbidden: importing('dexie'),
    rule: 'no-restricted-imports',
    says: 'Only src/db talks to Dexie',
    allowed: importing('../db/browser-storage'),
  },
  {
    zone: 'localStorage only through db/browser-storage',
    at: 'src/features/card/probe.ts',
    forbidden: "export const link = localStorage.getItem('setia.myCard');",
    rule: 'no-restricted-globals',
    says: 'Browser storage goes through src/db/browser-storage.ts',
    allowed:
      "import { readText, STORED } from '../../db/browser-storage';\nexport const link = readText(STORED.myCard);",
  },
  {
    zone: 'sessionStorage only through db/browser-storage, even through window',
    at: 'src/i18n/probe.ts',
    forbidden: "export const language = window.sessionStorage.getItem('setia.language');",
    rule: 'no-restricted-properties',
    says: 'Browser storage goes through src/db/browser-storage.ts',
    allowed: 'export const language = window.navigator.language;',
  },
];

describe('the layers lint enforces', { timeout: SLOW }, () => {
  it.each(probes)('$zone', async (probe) => {
    const reported = await problems(probe.at, probe.forbidden);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toContain(`${probe.rule}: `);
    expect(reported[0]).toContain(probe.says);
    expect(await problems(probe.at, probe.allowed)).toEqual([]);
  });

  it('lets src/db/browser-storage.ts itself use localStorage', async () => {
    const code = "export const read = () => localStorage.getItem('setia.language');";
    expect(await problems('src/db/browser-storage.ts', code)).toEqual([]);
  });

  it('reports an import cycle, and not an import that goes one way', async () => {
    const cycle = await problems(
      'tests/unit/fixtures/cycle/first.ts',
      "import { second } from './second';\nexport const first = () => second();",
    );
    expect(cycle).toEqual(['import-x/no-cycle: Dependency cycle detected']);
    expect(
      await problems(
        'tests/unit/fixtures/cycle/third.ts',
        "import { second } from './second';\nexport const third = () => second();",
      ),
    ).toEqual([]);
  });
});
