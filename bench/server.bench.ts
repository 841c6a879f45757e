/**
 * Sync server ingest on loopback, through the real push endpoint: one client
 * sends batches of 500 events (HTTP + JSON + zod + Kysely + the database), on
 * SQLite (a WAL file, as `npm start` uses) and on PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { LedgerEvent } from '../src/domain/ledger';
import { createServerApp } from '../src/server/app';
import { Store } from '../src/server/store/store';
import type { StoreOptions } from '../src/server/store/connect';
import { dropBackend } from '../src/server/test-backends';
import { createSyncApi } from '../src/sync/client';
import { testShop } from '../src/shared/test-shop';
import type { Row } from './lib/report';
import type { Suite } from './lib/suite';

const BATCH = 500;
const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 50_000);

async function ingest(options: StoreOptions): Promise<number> {
  const store = await Store.open({ ...options, quotas: { eventsPerDay: 0, storedBytes: 0 } });
  const app = createServerApp({ store, signup: { mode: 'open' } });
  let server: ReturnType<typeof serve> | undefined;
  const port = await new Promise<number>((done) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (i: AddressInfo) =>
      done(i.port),
    );
  });
  try {
    const base = `http://127.0.0.1:${port}/api`;
    const grant = await createSyncApi().register(
      `http://127.0.0.1:${port}`,
      await testShop({ name: 'Bench' }),
      'bench',
    );
    const headers = { authorization: `Bearer ${grant.token}`, 'content-type': 'application/json' };
    const bodies: string[] = [];
    for (let b = 0; b < EVENTS / BATCH; b++) {
      const events: LedgerEvent[] = Array.from({ length: BATCH }, (_, i) => {
        const n = b * BATCH + i;
        return {
          id: `EV${grant.shop.shopId}${n.toString(36).padStart(6, '0')}`.slice(0, 40),
          memberId: `M${(n % 5000).toString(36)}`,
          type: 'stamp',
          stamps: 1,
          quantity: 1,
          at: 1_750_000_000_000 + n * 1000,
          deviceId: grant.deviceId,
          staffId: 'owner',
          seq: n + 1,
        };
      });
      bodies.push(JSON.stringify({ events, memberChanges: [] }));
    }
    const t0 = performance.now();
    for (const body of bodies) {
      const res = await fetch(`${base}/sync/push`, { method: 'POST', headers, body });
      if (!res.ok) throw new Error(`push failed: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
    return EVENTS / ((performance.now() - t0) / 1000);
  } finally {
    await new Promise<void>((done) => server!.close(() => done()));
    await store.close();
    await dropBackend(options);
  }
}

async function run(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'setia-ingest-'));
  const rows: Row[] = [];
  try {
    const sqlite = await ingest({ dataDir: dir });
    rows.push({
      what: `ingest through POST /api/sync/push, SQLite (WAL file), ${EVENTS.toLocaleString('en')} events in batches of ${BATCH}`,
      measured: `${Math.round(sqlite).toLocaleString('en')} events/s`,
      bar: '≥ 20,000 events/s',
      ok: sqlite >= 20_000,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const postgres = await ingest({
      databaseUrl: url,
      pgSchema: `setia_bench_${Date.now().toString(36)}`,
    });
    rows.push({
      what: `ingest through POST /api/sync/push, PostgreSQL 15 on loopback, ${EVENTS.toLocaleString('en')} events in batches of ${BATCH}`,
      measured: `${Math.round(postgres).toLocaleString('en')} events/s`,
      bar: '≥ 10,000 events/s',
      ok: postgres >= 10_000,
    });
  } else
    rows.push({
      what: 'ingest on PostgreSQL',
      measured: 'not measured: TEST_DATABASE_URL unset',
      bar: '≥ 10,000 events/s',
      ok: false,
    });
  return rows;
}

export const suite: Suite = {
  title: 'Sync server: ingest',
  method:
    'The server app in this process (Hono on @hono/node-server, the same routes as `npm start`) on 127.0.0.1; one client (Node fetch) sends pre-built JSON pushes of 500 events one after another and waits for each reply; the figure is events ÷ wall time from the first request to the last reply. Each push is validated with the shared zod schema and stored in one transaction (members checked, events inserted with ON CONFLICT DO NOTHING).',
  run,
};
