/**
 * The real server over a socket: killed with SIGKILL in the middle of a
 * 10,000-event sync and restarted, it has every event it acknowledged, and
 * the tablet's retries then complete the ledger with nothing doubled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../domain/ledger';
import { testShop } from '../shared/test-shop';

const ROOT = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'setia-crash-'));
let server: ChildProcess | undefined;

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

async function start(port: number): Promise<void> {
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: '' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the server did not start');
}

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('sync server crash', () => {
  it('keeps every acknowledged event through a SIGKILL, and converges on retry', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/api`;
    await start(port);
    // The server's tests speak raw HTTP: src/server does not import the app's client.
    const grant = (await (
      await fetch(`${base}/shops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ shop: await testShop(), deviceName: 'Counter' }),
      })
    ).json()) as { token: string; deviceId: string };
    const auth = { authorization: `Bearer ${grant.token}`, 'content-type': 'application/json' };

    const events: LedgerEvent[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `EV${String(i).padStart(8, '0')}`,
      memberId: `MEM${i % 500}`,
      type: 'stamp',
      stamps: 1,
      quantity: 1,
      at: 1_750_000_000_000 + i,
      deviceId: grant.deviceId,
      staffId: 'owner',
      seq: i + 1,
    }));
    const batches = Array.from({ length: 20 }, (_, i) => events.slice(i * 500, i * 500 + 500));
    const push = (batch: LedgerEvent[]) =>
      fetch(`${base}/sync/push`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ events: batch, memberChanges: [] }),
      });

    const acknowledged = new Set<string>();
    for (const batch of batches.slice(0, 6)) {
      const reply = (await (await push(batch)).json()) as { events: string[] };
      for (const id of reply.events) acknowledged.add(id);
    }
    // The seventh push is on the wire when the server dies.
    const inFlight = push(batches[6]!).catch(() => null);
    await new Promise((r) => setTimeout(r, 5));
    server!.kill('SIGKILL');
    await inFlight;
    expect(acknowledged.size).toBe(3000);

    await start(port);
    const pulled = async () => {
      const ids: string[] = [];
      let cursor = 0;
      for (;;) {
        const page = (await (
          await fetch(`${base}/sync/pull?cursor=${cursor}&limit=5000`, { headers: auth })
        ).json()) as { items: { event: LedgerEvent }[]; cursor: number; more: boolean };
        ids.push(...page.items.map((i) => i.event.id));
        cursor = page.cursor;
        if (!page.more) return ids;
      }
    };
    const afterCrash = new Set(await pulled());
    for (const id of acknowledged) expect(afterCrash.has(id)).toBe(true);

    // The tablet re-sends everything not acknowledged (the in-flight batch too).
    for (const batch of batches.slice(6)) expect((await push(batch)).status).toBe(200);
    const all = await pulled();
    expect(all).toHaveLength(10_000);
    expect(new Set(all).size).toBe(10_000);
  }, 60_000);
});
