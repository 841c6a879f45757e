/**
 * Three tablets of one shop, each a headless Chromium with its own IndexedDB,
 * paired through the UI with the real server. The internet drops; together
 * they write 10,000 stamps offline (written straight into each tablet's ledger
 * and outbox, as the counter would have over a long day); the internet comes
 * back. Measured: from "online" until every tablet holds all 10,000 events
 * and says "Synced" — and then that nothing was lost or doubled.
 */
import type { Page } from 'playwright-core';
import { EMPTY_STATS } from '../src/domain/balance';
import { hlcToString } from '../src/domain/hlc';
import type { LedgerEvent } from '../src/domain/ledger';
import { newId } from '../src/db/ids';
import { launch, type Tablet } from '../tests/support/chromium';
import { waitUntil } from '../tests/support/wait';
import { setUpShop } from '../tests/e2e/support/shop';
import { joinShop, openOwner, pairingCode, syncStatus } from '../tests/e2e/support/sync';
import { measures, putRows } from './lib/page';
import type { Row } from './lib/report';
import type { BenchContext, Suite } from './lib/suite';
import { generateShop } from './seed';

const EVENTS = Number(process.env.BENCH_SYNC_EVENTS ?? 10_000);
const MEMBERS = 300;
const CHUNK = 2000;

/** What a tablet's database holds, read straight from IndexedDB. */
async function ledgerOf(page: Page): Promise<{ ids: string[]; balance: number }> {
  // tsx names inner functions with a helper the page does not have.
  await page.evaluate('window.__name = (f) => f');
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const r = indexedDB.open('setia');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const read = <T>(store: string) =>
      new Promise<T[]>((ok, fail) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok(r.result as T[]);
        r.onerror = () => fail(r.error);
      });
    const events = await read<{ id: string }>('events');
    const members = await read<{ stats: { balance: number } }>('members');
    db.close();
    return {
      ids: events.map((e) => e.id).sort(),
      balance: members.reduce((sum, m) => sum + m.stats.balance, 0),
    };
  });
}

async function eventCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const r = indexedDB.open('setia');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const n = await new Promise<number>((ok) => {
      const r = db.transaction('events').objectStore('events').count();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return n;
  });
}

async function run({ baseURL }: BenchContext): Promise<Row[]> {
  const tablets: Tablet[] = [];
  try {
    for (let i = 0; i < 3; i++) tablets.push(await launch());
    const pages = tablets.map((t) => t.page);
    const [a, b, c] = pages as [Page, Page, Page];
    await setUpShop(a, baseURL, { name: 'Kopi Bench' });
    await openOwner(a);
    await a.getByRole('button', { name: 'Connect this tablet' }).click();
    await a.getByText(`Connected to ${baseURL}`).waitFor();
    await joinShop(b, baseURL, await pairingCode(a));
    await joinShop(c, baseURL, await pairingCode(a));
    await a.getByRole('button', { name: 'Back to the counter' }).click();

    // The members every tablet already knew before the internet dropped.
    const now = Date.now();
    const members = generateShop(MEMBERS, MEMBERS, now).members.map((m) => ({
      ...m,
      stats: EMPTY_STATS,
      base: undefined,
    }));
    for (const t of tablets) await t.context.setOffline(true);

    // A day offline: each tablet stamps on its own, as its own device.
    const share = [0, 1, 2].map((i) => Math.floor(EVENTS / 3) + (i < EVENTS % 3 ? 1 : 0));
    const ledgers = share.map((n, t) => {
      const deviceId = `bench${t}`;
      const events: LedgerEvent[] = [];
      for (let seq = 1; seq <= n; seq++) {
        const at = now - (n - seq) * 5000 - t;
        events.push({
          id: newId(at),
          memberId: members[(seq * 7 + t) % MEMBERS]!.id,
          type: 'stamp',
          stamps: 1,
          quantity: 1,
          at,
          deviceId,
          staffId: 'owner',
          seq,
        });
      }
      const device = {
        key: 'device',
        value: { deviceId, seq: n, hlc: hlcToString({ millis: now, counter: 0, node: deviceId }) },
      };
      return { events, device };
    });
    for (const [t, page] of pages.entries()) {
      const { events, device } = ledgers[t]!;
      await page.route('**/__seed/**', (route) => {
        const [kind, index] = new URL(route.request().url()).pathname.split('/').slice(2);
        const i = Number(index);
        const body =
          kind === 'members'
            ? members
            : kind === 'device'
              ? [device]
              : events.slice(i * CHUNK, (i + 1) * CHUNK);
        return route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
      });
      await putRows(page, 'members', `${baseURL}/__seed/members/0`);
      await putRows(page, 'settings', `${baseURL}/__seed/device/0`);
      for (let i = 0; i * CHUNK < events.length; i++)
        await putRows(page, 'events', `${baseURL}/__seed/events/${i}`);
      await page.unroute('**/__seed/**');
    }

    // The internet is back: the clock runs until every tablet has everything.
    const t0 = Date.now();
    for (const t of tablets) await t.context.setOffline(false);
    const done = new Array<number | null>(3).fill(null);
    await waitUntil(
      async () => {
        for (const [i, page] of pages.entries()) {
          if (done[i] !== null) continue;
          const synced = (await syncStatus(page).innerText()) === 'Synced';
          if (synced && (await eventCount(page)) === EVENTS) done[i] = Date.now() - t0;
        }
        return done.every((d) => d !== null);
      },
      { timeout: 120_000, interval: 100, message: 'all three tablets to converge' },
    );
    const converged = Math.max(...(done as number[]));
    const timing = await Promise.all(
      pages.map(async (page) => {
        const total = async (name: string) => {
          const all = await measures(page, name);
          return `${all.length}× ${(all.reduce((s, d) => s + d, 0) / 1000).toFixed(1)} s`;
        };
        return `push ${await total('setia:sync-push')}, pull ${await total('setia:sync-pull')}, apply ${await total('setia:sync-apply')}`;
      }),
    );
    if (process.env.BENCH_DEBUG) console.log(timing);

    // Nothing lost or doubled: the same 10,000 ids everywhere, and balances that add up.
    const views = await Promise.all(pages.map(ledgerOf));
    const expected = ledgers.flatMap((l) => l.events.map((e) => e.id)).sort();
    const same = views.every(
      (v) => v.ids.length === expected.length && v.ids.every((id, i) => id === expected[i]),
    );
    const balances = views.map((v) => v.balance);
    const intact = same && balances.every((x) => x === EVENTS);

    return [
      {
        what: `3 tablets, ${EVENTS.toLocaleString('en')} offline events, then online: all converged`,
        measured: `${(converged / 1000).toFixed(1)} s`,
        bar: '≤ 10 s',
        ok: converged <= 10_000,
        notes: `per tablet ${done.map((d) => `${((d ?? 0) / 1000).toFixed(1)} s`).join(' / ')}; time spent: ${timing.join(' | ')}`,
      },
      {
        what: 'nothing lost or doubled (same event ids on every tablet; balances sum to the stamps)',
        measured: intact
          ? `yes: ${views.map((v) => v.ids.length).join(' / ')} events, balances ${balances.join(' / ')}`
          : `NO: ${views.map((v) => v.ids.length).join(' / ')} events, balances ${balances.join(' / ')}`,
        bar: 'exactly the events written',
        ok: intact,
      },
    ];
  } finally {
    await Promise.all(tablets.map((t) => t.dispose()));
  }
}

export const suite: Suite = {
  title: 'Sync: three tablets converge',
  method:
    'Three headless Chromium tablets paired through the UI with the real server (in-memory SQLite) on loopback. ' +
    'Offline (Playwright setOffline), each tablet gets a third of the events in its ledger and outbox as its own device; ' +
    'the clock starts when all three go online and stops when each shows "Synced" with every event in its IndexedDB. ' +
    'Sync runs on its own (online event, then its schedule): no "Sync now" is pressed.',
  run,
};
