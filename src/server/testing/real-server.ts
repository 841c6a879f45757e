/**
 * The real server as a process of its own (`npm start`'s entry), for tests that
 * kill it or run several of it: a free port, the command, and waiting until it answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
/** `node` arguments that start src/server/main.ts from ROOT. */
export const SERVER_ARGS = ['--import', 'tsx', 'src/server/main.ts'];

export async function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/** Resolves once GET /api/health answers (a minute at most), else throws. */
export async function whenUp(port: number): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the server did not start');
}

/**
 * A PostgreSQL database of its own on the server at `adminUrl` (the test or
 * benchmark's server processes get its URL); `drop` removes it, connections and all.
 */
export async function scratchDatabase(
  adminUrl: string,
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** `WORKERS=n npm start`'s entry on 127.0.0.1:`port` over `databaseUrl`, serving the API only. */
export function startWorkers(
  port: number,
  databaseUrl: string,
  workers: number,
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, SERVER_ARGS, {
    cwd: ROOT,
    env: {
      ...process.env,
      WORKERS: String(workers),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DIST_DIR: '',
      ...env,
    },
    stdio: 'ignore',
  });
}
