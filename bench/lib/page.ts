/** Helpers that run inside the benchmarked page. */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { SeedShop } from '../seed';

/** Writes rows into one object store of the app's own database, in one transaction per call. */
export async function putRows(page: Page, store: string, url: string): Promise<void> {
  await page.evaluate(
    async ({ store, url }) => {
      const rows = await (await fetch(url)).json();
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const r = indexedDB.open('setia');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction(store, 'readwrite');
        const os = tx.objectStore(store);
        for (const row of rows) os.put(row);
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    { store, url },
  );
}

/**
 * Writes a generated shop into the page's database through the bulk path a
 * joining tablet uses: member rows 5,000 at a time, event packs 100 at a time,
 * each batch fetched from a route the page is served (no giant evaluate argument).
 */
export async function seedBigShop(
  page: Page,
  baseURL: string,
  shop: SeedShop,
): Promise<{ membersSeconds: number; packsSeconds: number }> {
  const CHUNK = 5000;
  await page.route('**/__seed/**', (route) => {
    const [, kind, index] = new URL(route.request().url()).pathname.split('/').slice(1);
    const i = Number(index);
    const body =
      kind === 'members'
        ? shop.members.slice(i * CHUNK, (i + 1) * CHUNK)
        : shop.packs.slice(i * 100, (i + 1) * 100);
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
  });
  let t = Date.now();
  for (let i = 0; i * CHUNK < shop.members.length; i++)
    await putRows(page, 'members', `${baseURL}/__seed/members/${i}`);
  const membersSeconds = (Date.now() - t) / 1000;
  t = Date.now();
  for (let i = 0; i * 100 < shop.packs.length; i++)
    await putRows(page, 'eventPacks', `${baseURL}/__seed/packs/${i}`);
  const packsSeconds = (Date.now() - t) / 1000;
  await page.unroute('**/__seed/**');
  return { membersSeconds, packsSeconds };
}

/** Durations of a User Timing measure recorded by the app since `since` entries. */
export async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate(
    (n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration),
    name,
  );
}

/** gzip size of a built file, as the server sends it. */
export function gzipSize(distDir: string, urlPath: string): number {
  return gzipSync(readFileSync(join(distDir, urlPath))).length;
}
