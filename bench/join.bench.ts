/**
 * A new tablet joining a big shop: the server holds 100,000 members and
 * 1,000,000 events (written straight through its store, as years of pushes
 * would have); a fresh headless Chromium presses "Join" with a pairing code.
 * Measured from that press: (a) until a random member's card, scanned with the
 * fake camera, shows the member with their history's balance and takes a
 * stamp; (b) until the tablet is fully caught up (no progress bar, "Synced").
 * Then checked: every member and every event is on the tablet, once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { cardView } from '../src/domain/balance';
import { hlcToString } from '../src/domain/hlc';
import type { MemberChangeWire } from '../src/shared/sync-protocol';
import { liveToken, signCard } from '../src/shared/card-link';
import { testShop } from '../src/shared/test-shop';
import { Store } from '../src/server/store/store';
import { launch, type Tablet } from '../tests/support/chromium';
import { fakeCameraShowing } from '../tests/support/fake-camera';
import { ROOT } from '../tests/support/serve';
import { waitUntil } from '../tests/support/wait';
import { cardProgress } from '../tests/e2e/support/shop';
import { syncStatus } from '../tests/e2e/support/sync';
import { measures } from './lib/page';
import type { Row } from './lib/report';
import type { BenchContext, Suite } from './lib/suite';
import { generateShop, STAMPS_PER_CARD } from './seed';

const MEMBERS = Number(process.env.BENCH_JOIN_MEMBERS ?? 100_000);
const EVENTS = Number(process.env.BENCH_JOIN_EVENTS ?? 1_000_000);
const BATCH = 10_000;

/** Fills the server's store as the shop's tablets would have over the years. */
async function seedServer(store: Store) {
  const now = Date.now();
  const shop = await testShop({ name: 'Kopi Besar', stampsPerCard: STAMPS_PER_CARD });
  const grant = await store.registerShop(shop, 'Owner', now);
  const auth = { shopId: shop.shopId, deviceId: grant.deviceId };
  const { members, packs } = generateShop(MEMBERS, EVENTS, now);
  const changes: MemberChangeWire[] = members.map((m, i) => ({
    id: `enrol-${m.id}`,
    memberId: m.id,
    deviceId: 'bench-owner',
    seq: i + 1,
    hlc: hlcToString({ millis: m.joinedAt, counter: 0, node: 'bench-owner' }),
    fields: {
      name: m.name,
      phone: m.phone,
      email: null,
      birthday: null,
      marketingConsent: m.marketingConsent,
      consentAt: null,
      anonymised: false,
    },
    at: m.joinedAt,
  }));
  for (let i = 0; i < changes.length; i += BATCH)
    await store.push(auth, { events: [], memberChanges: changes.slice(i, i + BATCH) });
  const events = packs.flatMap((p) => p.events);
  for (let i = 0; i < events.length; i += BATCH)
    await store.push(auth, { events: events.slice(i, i + BATCH), memberChanges: [] });
  return { shop, members, events: events.length };
}

/** What the tablet holds, read straight from IndexedDB. */
async function holdings(page: Page) {
  await page.evaluate('window.__name = (f) => f');
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const r = indexedDB.open('setia');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const count = (store: string) =>
      new Promise<number>((ok) => {
        const r = db.transaction(store).objectStore(store).count();
        r.onsuccess = () => ok(r.result);
      });
    const packed = await new Promise<number>((ok) => {
      let n = 0;
      const r = db.transaction('eventPacks').objectStore('eventPacks').openCursor();
      r.onsuccess = () => {
        const cursor = r.result;
        if (!cursor) return ok(n);
        n += (cursor.value as { events: unknown[] }).events.length;
        cursor.continue();
      };
    });
    const result = {
      members: await count('members'),
      memberPacks: await count('memberPacks'),
      eventRows: await count('events'),
      packedEvents: packed,
    };
    db.close();
    return result;
  });
}

/** The server as a shop runs it (`npm start`'s entry, its own process) on the seeded SQLite file. */
async function startServer(dataDir: string, distDir: string) {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: distDir,
      SETIA_QUOTA_EVENTS_PER_DAY: '0',
      SETIA_QUOTA_STORED_MB: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const baseURL = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /localhost:(\d+)/.exec(out)?.[1];
      if (port) ok(`http://127.0.0.1:${port}`);
    });
    child.on('exit', (code) => fail(new Error(`the server exited (${code})`)));
  });
  return { baseURL, child };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.on('exit', () => done());
    child.kill('SIGTERM');
  });
}

async function run({ distDir }: BenchContext): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'setia-join-'));
  let tablet: Tablet | undefined;
  let server: ChildProcess | undefined;
  try {
    const store = await Store.open({ dataDir, quotas: { eventsPerDay: 0, storedBytes: 0 } });
    const s0 = Date.now();
    const { shop, members, events } = await seedServer(store);
    const seeded = Date.now() - s0;
    const member = members[Math.floor(members.length * 0.6180339)]!;
    const { code } = await store.createPairingCode(shop.shopId, Date.now());
    await store.close();
    const started = await startServer(dataDir, distDir);
    server = started.child;
    const { baseURL } = started;
    const card = await signCard(member.id, shop.cardKey);
    tablet = await launch({
      args: fakeCameraShowing(`${baseURL}/c/${await liveToken(card, Date.now())}`),
    });
    const page = tablet.page;
    await page.goto(baseURL);
    await page.getByRole('button', { name: 'Join a shop' }).click();
    await page.getByLabel('Pairing code').fill(code);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Catching up with the shop' });
    await page.getByRole('searchbox', { name: 'Search members' }).waitFor({ timeout: 60_000 });
    await bar.waitFor({ timeout: 60_000 });
    const counterAt = Date.now() - t0;

    // (a) The tablet says any member can be stamped: scan one at random and stamp.
    await page.getByText(/Members can be scanned and stamped now/).waitFor({ timeout: 180_000 });
    const readyAt = Date.now() - t0;
    await page.getByRole('button', { name: 'Scan' }).click();
    await page.getByRole('heading', { name: member.name, level: 2 }).waitFor({ timeout: 60_000 });
    const label = (balance: number) =>
      `${cardView(balance, STAMPS_PER_CARD).cardStamps} of ${STAMPS_PER_CARD} stamps`;
    const shown = await cardProgress(page);
    await page.getByRole('button', { name: 'Add stamp' }).click();
    await waitUntil(async () => (await cardProgress(page)) === label(member.stats.balance + 1), {
      timeout: 60_000,
      message: 'the stamp to show on the card',
    });
    const stampedAt = Date.now() - t0;
    const historyShown = shown === label(member.stats.balance);

    // (b) Fully caught up: the bar is gone and the round (the stamp's push too) says Synced.
    await waitUntil(
      async () => !(await bar.isVisible()) && (await syncStatus(page).innerText()) === 'Synced',
      { timeout: 600_000, interval: 250, message: 'the tablet to catch up' },
    );
    const doneAt = Date.now() - t0;
    // Other work on the machine slows the server and the tablet alike: say how busy it was.
    const load = loadavg()[2]!.toFixed(1);
    const held = await holdings(page);
    const spent = async (name: string) => {
      const all = await measures(page, name);
      return `${all.length}× ${(all.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s`;
    };
    const timing = `member pages: waiting for the server ${await spent('setia:join-members-wait')}, writing ${await spent('setia:join-members-save')}; checking replies (zod) ${await spent('setia:sync-check')}`;
    const complete =
      held.members === members.length &&
      held.memberPacks === 0 &&
      held.packedEvents === events &&
      held.eventRows === 1;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    return [
      {
        what: `a new tablet joining a shop of ${MEMBERS.toLocaleString('en')} members and ${events.toLocaleString('en')} events: can stamp any member`,
        measured: s(stampedAt),
        bar: '≤ 30 s',
        ok: stampedAt <= 30_000 && historyShown,
        notes:
          `from pressing Join: counter with the progress bar at ${s(counterAt)}, "can be stamped" at ${s(readyAt)}, ` +
          `then a random member's card scanned (fake camera) and stamped; the card showed the history's balance: ${historyShown ? 'yes' : `NO (${shown})`}; ${timing}`,
      },
      {
        what: 'the same tablet fully caught up (progress bar gone, "Synced")',
        measured: s(doneAt),
        bar: '≤ 2 min',
        ok: doneAt <= 120_000 && complete,
        notes:
          `holds ${held.members.toLocaleString('en')} members (indexed, searchable), ${held.packedEvents.toLocaleString('en')} events in packs and ${held.eventRows} event row (the stamp)` +
          `${complete ? '' : ' — INCOMPLETE'}; server seeded through its store in ${s(seeded)}; machine load average (15 min) ${load} on ${availableParallelism()} cores`,
      },
    ];
  } finally {
    await tablet?.dispose();
    if (server) await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const suite: Suite = {
  title: 'Sync: a new tablet joins a big shop',
  method:
    "The server's SQLite file is filled through its store with the seed shop (bench/seed.ts): one enrolment per member " +
    'and every event, pushed in batches of 10,000; then the server runs as a shop runs it (src/server/main.ts in its own ' +
    'process, serving the built app, on loopback). A fresh headless Chromium ' +
    'with a fake camera filming one random member\'s live card code opens the app, taps "Join a shop", enters a pairing code ' +
    'and presses "Join": the clock starts. (a) stops when that member, scanned after the tablet says members can be stamped, ' +
    'shows their balance and takes a stamp; (b) when the progress bar is gone and the status says "Synced". ' +
    "Then the tablet's IndexedDB is counted: every member, every event once.",
  run,
};
