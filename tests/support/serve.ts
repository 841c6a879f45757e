/**
 * Build the app exactly as `npm start` serves it, and serve it (with the API)
 * on a free loopback port. Used by the browser tests and the benchmarks.
 */
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createServerApp } from '../../src/server/app';
import { Store } from '../../src/server/store/store';

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
  close: () => Promise<void>;
}

export async function serveApp(distDir: string, port = 0): Promise<Served> {
  // A throwaway in-memory database: each test run starts with no shops.
  const store = await Store.open({ dataDir: ':memory:' });
  const app = createServerApp({ distDir, store });
  let server: ServerType | undefined;
  const bound = await new Promise<number>((done) => {
    server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      done(info.port),
    );
  });
  return {
    baseURL: `http://127.0.0.1:${bound}`,
    close: async () => {
      await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
      await store.close();
    },
  };
}
