/** Helpers that run inside the benchmarked page. */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

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
