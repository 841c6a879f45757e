/**
 * A busy hosted server: `WORKERS=2 npm start` on PostgreSQL, 20 tablets each
 * pushing 500-event batches back to back for 30 s, while a monitor asks
 * GET /api/health ten times a second. Two shapes: 20 shops with one tablet
 * each (a host's many cafés), and one shop with 20 tablets (the worst case for
 * the per-shop log lock that keeps the pull order gapless, see store/log.ts).
 */
import type { LedgerEvent } from '../src/domain/ledger';
import { testShop, TEST_OWNER_PIN } from '../src/shared/test-shop';
import { freePort, scratchDatabase, startWorkers, whenUp } from '../src/server/testing/real-server';

const BATCH = 500;

export interface LoadResult {
  eventsPerSecond: number;
  pushes: number;
  pushP50: number;
  pushP99: number;
  healthP99: number;
  healthMax: number;
  failures: number;
  firstFailure: string;
}

interface Tablet {
  token: string;
  deviceId: string;
  /** Which of the run's shops: its members' ids start with it (ids are unique per server). */
  shop: number;
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Registers the shops and pairs the tablets: `shops` shops, `tablets` devices in all. */
async function setUp(base: string, shops: number, tablets: number): Promise<Tablet[]> {
  type Grant = { token: string; deviceId: string; shop: { shopId: string } };
  const owners: Grant[] = [];
  for (let s = 0; s < shops; s++)
    owners.push(
      await post<Grant>(`${base}/shops`, {
        shop: await testShop({ name: `Load ${s}` }),
        deviceName: 'Owner tablet',
      }),
    );
  const out: Tablet[] = owners.map((g, shop) => ({ token: g.token, deviceId: g.deviceId, shop }));
  for (let i = out.length; i < tablets; i++) {
    const owner = owners[i % shops]!;
    const { code } = await post<{ code: string }>(
      `${base}/pairing-codes`,
      { ownerPin: TEST_OWNER_PIN },
      owner.token,
    );
    const joined = await post<Grant>(`${base}/devices/join`, { code, deviceName: `Counter ${i}` });
    out.push({ token: joined.token, deviceId: joined.deviceId, shop: i % shops });
  }
  return out;
}

export async function workersLoad(
  databaseUrl: string,
  { shops, tablets, seconds }: { shops: number; tablets: number; seconds: number },
): Promise<LoadResult> {
  const scratch = await scratchDatabase(
    databaseUrl,
    `setia_bench_load_${process.pid}_${Date.now().toString(36)}`,
  );
  const port = await freePort();
  const server = startWorkers(port, scratch.url, 2, {
    SETIA_SIGNUP: 'open',
    SETIA_QUOTA_EVENTS_PER_DAY: '0',
    SETIA_QUOTA_STORED_MB: '0',
  });
  try {
    await whenUp(port);
    const base = `http://127.0.0.1:${port}/api`;
    const devices = await setUp(base, shops, tablets);

    const pushTimes: number[] = [];
    const healthTimes: number[] = [];
    let events = 0;
    let failures = 0;
    let firstFailure = '';
    const started = performance.now();
    const until = started + seconds * 1000;
    let running = true;

    const tablet = async (t: Tablet, n: number) => {
      let seq = 0;
      const headers = { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' };
      while (performance.now() < until) {
        const batch: LedgerEvent[] = Array.from({ length: BATCH }, () => {
          seq += 1;
          return {
            id: `L${n.toString(36)}-${seq.toString(36)}`,
            memberId: `M${t.shop}-${(seq * 7 + n) % 2000}`,
            type: 'stamp',
            stamps: 1,
            quantity: 1,
            at: 1_750_000_000_000 + seq * 1000,
            deviceId: t.deviceId,
            staffId: 'owner',
            seq,
          };
        });
        const body = JSON.stringify({ events: batch, memberChanges: [] });
        const t0 = performance.now();
        const res = await fetch(`${base}/sync/push`, { method: 'POST', headers, body });
        const reply = await res.text();
        pushTimes.push(performance.now() - t0);
        if (res.ok) events += BATCH;
        else {
          failures += 1;
          firstFailure ||= `${res.status} ${reply.slice(0, 200)}`;
        }
      }
    };
    const monitor = async () => {
      while (running) {
        const t0 = performance.now();
        const res = await fetch(`${base}/health`);
        await res.arrayBuffer();
        healthTimes.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const watching = monitor();
    await Promise.all(devices.map((d, i) => tablet(d, i)));
    const wall = (performance.now() - started) / 1000;
    running = false;
    await watching;
    return {
      eventsPerSecond: events / wall,
      pushes: pushTimes.length,
      pushP50: percentile(pushTimes, 50),
      pushP99: percentile(pushTimes, 99),
      healthP99: percentile(healthTimes, 99),
      healthMax: Math.max(...healthTimes),
      failures,
      firstFailure,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await scratch.drop();
  }
}
