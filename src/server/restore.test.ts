/**
 * Backup and restore (SQLite): a backup taken while tablets push, restored
 * later, comes back with the same server id and a head below the tablets'
 * cursor — what tells a tablet to push again everything it holds — and after
 * that push every event is back, none twice.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../domain/ledger';
import { testShop } from '../shared/test-shop';
import { createServerApp } from './app';
import { backupSqlite } from './backup';
import { Store } from './store/store';

const dir = mkdtempSync(join(tmpdir(), 'setia-restore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open() {
  const store = await Store.open({ dataDir: join(dir, 'data') });
  const app = createServerApp({ store, signup: { mode: 'open' } });
  const call = async (method: string, path: string, token?: string, json?: unknown) => {
    const res = await app.request(`/api${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    expect(res.status).toBeLessThan(300);
    return (await res.json()) as Record<string, unknown>;
  };
  return { store, call };
}

const events = (deviceId: string, from: number, n: number): LedgerEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `EVR${deviceId}${(from + i).toString(36).padStart(5, '0')}`,
    memberId: `MR${(from + i) % 13}`,
    type: 'stamp',
    stamps: 1,
    quantity: 1,
    at: 1_750_000_000_000 + from + i,
    deviceId,
    staffId: 'owner',
    seq: from + i + 1,
  }));

describe('backup and restore', () => {
  it('a backup taken mid-way restores with the same id and a smaller head; the tablets push again and every event is back', async () => {
    let server = await open();
    const grant = await server.call('POST', '/shops', undefined, {
      shop: await testShop(),
      deviceName: 'Counter',
    });
    const token = grant.token as string;
    const deviceId = grant.deviceId as string;
    const all = events(deviceId, 0, 2000);
    const push = (list: LedgerEvent[]) =>
      server.call('POST', '/sync/push', token, { events: list, memberChanges: [] });
    for (let b = 0; b < 10; b++) await push(all.slice(b * 100, b * 100 + 100));

    // The backup runs while pushes go on.
    const backupFile = join(dir, 'backup.sqlite');
    const pushing = (async () => {
      for (let b = 10; b < 13; b++) await push(all.slice(b * 100, b * 100 + 100));
    })();
    await backupSqlite(join(dir, 'data'), backupFile);
    await pushing;
    for (let b = 13; b < 20; b++) await push(all.slice(b * 100, b * 100 + 100));

    const before = await server.call('GET', '/sync/pull?cursor=0&limit=5000', token);
    const { id, head } = before.server as { id: string; head: number };
    expect((before.items as unknown[]).length).toBe(2000);
    expect(head).toBe(before.cursor);
    const tabletCursor = before.cursor as number;

    // The disk is lost; the backup is put back.
    await server.store.close();
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    mkdirSync(join(dir, 'data'));
    copyFileSync(backupFile, join(dir, 'data', 'setia.sqlite'));
    server = await open();

    const after = await server.call('GET', `/sync/pull?cursor=${tabletCursor}`, token);
    const restored = after.server as { id: string; head: number };
    expect(restored.id).toBe(id);
    expect(restored.head).toBeLessThan(tabletCursor);
    expect(restored.head).toBeGreaterThanOrEqual(999); // at least what was pushed before it

    // The tablet sees head < cursor: it pushes everything again and pulls from 0.
    for (let b = 0; b < 20; b++) await push(all.slice(b * 100, b * 100 + 100));
    const back = await server.call('GET', '/sync/pull?cursor=0&limit=5000', token);
    const ids = (back.items as { event: LedgerEvent }[]).map((i) => i.event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(all.map((e) => e.id)));
    await server.store.close();
  });

  it('another database is another server: the id differs', async () => {
    const a = await Store.open({ dataDir: ':memory:' });
    const b = await Store.open({ dataDir: ':memory:' });
    expect(a.serverId).not.toBe(b.serverId);
    await Promise.all([a.close(), b.close()]);
  });
});
