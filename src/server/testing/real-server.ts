/**
 * The real server as a process of its own (`npm start`'s entry), for tests that
 * kill it or run several of it: a free port, the command, and waiting until it answers.
 */
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
