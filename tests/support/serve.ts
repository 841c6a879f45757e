/**
 * Build the app exactly as `npm start` serves it, and serve it (with the API)
 * on a free loopback port. Used by the browser tests and the benchmarks.
 */
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createServerApp } from '../../src/server/app';
import type { StoreOptions } from '../../src/server/store/connect';
import { Store } from '../../src/server/store/store';
import { dropBackend } from '../../src/server/test-backends';

export const ROOT = resolve(import.meta.dirname, '../..');

/** SETIA_DIST lets parallel runs (several worktrees' tests at once) build to their own folder. */
export const DIST = process.env.SETIA_DIST ?? 'dist';

export function buildApp(outDir = DIST, extraEnv: Record<string, string> = {}): string {
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', ...extraEnv },
  });
  return resolve(ROOT, outDir);
}

export interface Served {
  baseURL: string;
  database: StoreOptions;
  close: () => Promise<void>;
}

/**
 * A throwaway database: each run starts with no shops. On PostgreSQL when
 * TEST_DATABASE_URL is set (as .ci/run does), in a schema of its own that is
 * dropped on close, so runs from several worktrees never see each other.
 */
export function throwawayDatabase(): StoreOptions {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return { dataDir: ':memory:' };
  const schema = `setia_e2e_${process.pid}_${Date.now().toString(36)}`;
  return { databaseUrl: url, pgSchema: schema };
}

export async function serveApp(
  distDir: string,
  port = 0,
  database: StoreOptions = throwawayDatabase(),
): Promise<Served> {
  const store = await Store.open(database);
  const app = createServerApp({ distDir, store, signup: { mode: 'open' } });
  let server: ServerType | undefined;
  const bound = await new Promise<number>((done) => {
    server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      done(info.port),
    );
  });
  return {
    baseURL: `http://127.0.0.1:${bound}`,
    database,
    close: async () => {
      await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
      await store.close();
      await dropBackend(database);
    },
  };
}
