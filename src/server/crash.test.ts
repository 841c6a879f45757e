/**
 * The real server over a socket, on each database: a tablet streams 10,000
 * events (two pushes in flight at a time) and the server is killed with SIGKILL
 * again and again at random moments of that stream, so kills land while pushes
 * are being written. After every restart the server has every event it
 * acknowledged; the tablet's retries then complete the ledger with nothing doubled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../domain/ledger';
import { testShop } from '../shared/test-shop';
import { backends } from './test-backends';
import { freePort, ROOT, SERVER_ARGS, whenUp } from './testing/real-server';

const KILLS = 6;
const EVENTS = 10_000;
const BATCH = 250;

describe.each(backends())('sync server crash on %s', (_name, options) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'setia-crash-'));
  let databaseUrl = '';
  let server: ChildProcess | undefined;
  let port = 0;

  // The server process takes DATABASE_URL as it is: PostgreSQL gets a database of its own.
  const database = `setia_crash_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  beforeAll(async () => {
    port = await freePort();
    if (!options.databaseUrl) return;
    await admin(`CREATE DATABASE ${database}`);
    const url = new URL(options.databaseUrl);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  async function start(): Promise<void> {
    server = spawn(process.execPath, SERVER_ARGS, {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        DIST_DIR: '',
      },
      stdio: 'ignore',
    });
    await whenUp(port);
  }

  async function kill(): Promise<void> {
    const dying = server!;
    await new Promise((done) => {
      dying.once('exit', done);
      dying.kill('SIGKILL');
    });
  }

  it('keeps every acknowledged event through repeated SIGKILLs mid-stream, and converges on retry', async () => {
    const base = `http://127.0.0.1:${port}/api`;
    await start();
    // The server's tests speak raw HTTP: src/server does not import the app's client.
    const grant = (await (
      await fetch(`${base}/shops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ shop: await testShop(), deviceName: 'Counter' }),
      })
    ).json()) as { token: string; deviceId: string };
    const auth = { authorization: `Bearer ${grant.token}`, 'content-type': 'application/json' };

    const events: LedgerEvent[] = Array.from({ length: EVENTS }, (_, i) => ({
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
    const batches = Array.from({ length: EVENTS / BATCH }, (_, i) =>
      events.slice(i * BATCH, (i + 1) * BATCH),
    );
    const push = (batch: LedgerEvent[]) =>
      fetch(`${base}/sync/push`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ events: batch, memberChanges: [] }),
      });
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

    const acknowledged = new Set<string>();
    const pending = new Set(batches.keys());
    let interrupted = 0; // pushes the kill cut off: the server died while handling them
    let storedUnacknowledged = 0; // written, but the kill came before the reply

    let pushMs = 100; // how long the last acknowledged push took
    for (let round = 0; round < KILLS && pending.size > 0; round++) {
      // Two pushers send the batches not yet acknowledged, as a tablet's retries would.
      let dead = false;
      let acked!: () => void;
      const firstAck = new Promise<void>((done) => (acked = done));
      const queue = [...pending];
      const pusher = async () => {
        while (!dead && queue.length > 0) {
          const i = queue.shift()!;
          const started = Date.now();
          try {
            const reply = await push(batches[i]!);
            if (!reply.ok) throw new Error(`push answered ${reply.status}`);
            const body = (await reply.json()) as { events: string[] };
            for (const id of body.events) acknowledged.add(id);
            pending.delete(i);
            pushMs = Date.now() - started;
            acked();
          } catch (error) {
            if (!dead) throw error;
            interrupted += 1;
          }
        }
      };
      const stream = Promise.all([pusher(), pusher()]);
      // Once the stream runs (a push answered), kill within one push's time: the other
      // pusher's request is then being read or written.
      await firstAck;
      await new Promise((r) => setTimeout(r, Math.random() * pushMs));
      dead = true;
      await kill();
      await stream;

      await start();
      const afterCrash = await pulled();
      const held = new Set(afterCrash);
      expect(held.size).toBe(afterCrash.length); // nothing doubled
      const lost = [...acknowledged].filter((id) => !held.has(id));
      expect(lost).toEqual([]);
      storedUnacknowledged += afterCrash.filter((id) => !acknowledged.has(id)).length;
    }
    // The kills really landed mid-stream, after pushes had been written and acknowledged.
    expect(interrupted).toBeGreaterThan(0);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILLS * BATCH);
    console.info(
      `crash test (${_name}): ${KILLS} kills, ${interrupted} pushes cut off, ` +
        `${acknowledged.size} events acknowledged across the kills, ` +
        `${storedUnacknowledged} seen stored without their acknowledgement`,
    );

    // The tablet re-sends everything not acknowledged (the cut-off batches too).
    for (const i of pending) expect((await push(batches[i]!)).status).toBe(200);
    const all = await pulled();
    expect(all).toHaveLength(EVENTS);
    expect(new Set(all).size).toBe(EVENTS);
  }, 300_000);
});
