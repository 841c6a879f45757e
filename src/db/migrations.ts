/**
 * Data migrations run by schema.ts when a tablet opens a database written by
 * an older version. Each works on the rows as they were stored then, so the
 * shapes it reads are spelled out here rather than taken from today's types.
 */
import type { Transaction } from 'dexie';
import { changesByClock, type SettingClocks } from '../domain/settings-merge';

/** Version 5's settings rows this migration reads. */
interface OldShopSync {
  clocks: SettingClocks;
  /** The settings edited here that the server had not acknowledged. */
  pending?: string[];
}
interface OldDevice {
  deviceId: string;
  seq: number;
  hlc: string;
}

/**
 * Version 6: the owner's settings edits still waiting to be pushed (a list of
 * setting names) become outbox items, one per edit clock with the values the
 * settings hold, numbered after everything else this device wrote. The list goes.
 */
export async function settingsPendingToOutbox(tx: Transaction): Promise<void> {
  const settings = tx.table<{ key: string; value: unknown }, string>('settings');
  const [shopRow, syncRow, deviceRow] = await settings.bulkGet(['shop', 'shopSync', 'device']);
  const old = syncRow?.value as OldShopSync | undefined;
  if (!old) return;
  await settings.put({ key: 'shopSync', value: { clocks: old.clocks } });
  const shop = shopRow?.value as Record<string, unknown> | undefined;
  const device = deviceRow?.value as OldDevice | undefined;
  if (!shop || !device || !old.pending?.length) return;
  let seq = device.seq;
  const items = changesByClock(shop, old.clocks, old.pending).map((change) => ({
    deviceId: device.deviceId,
    seq: (seq += 1),
    hlc: change.hlc,
    fields: change.fields,
  }));
  if (items.length === 0) return;
  await tx.table('settingsChanges').bulkAdd(items);
  await settings.put({ key: 'device', value: { ...device, seq } });
}

/** Version 6's sync row, as this migration reads it. */
interface OldSyncState {
  deviceId: string;
  role?: string;
}

/**
 * Version 7 (roles and one identity per tablet): a connected tablet's sync row
 * says it is an owner device (servers before roles gave every device the
 * owner's authority; pull's `you` corrects it), and its later writes carry the
 * id the server gave it; what it wrote before keeps its local id, which the
 * outbox still pushes (the server binds it to this device).
 */
export async function rolesAndServerId(tx: Transaction): Promise<void> {
  const settings = tx.table<{ key: string; value: unknown }, string>('settings');
  const [syncRow, deviceRow] = await settings.bulkGet(['sync', 'device']);
  const sync = syncRow?.value as OldSyncState | undefined;
  if (!sync) return;
  if (!sync.role) await settings.put({ key: 'sync', value: { ...sync, role: 'owner' } });
  const device = deviceRow?.value as (OldDevice & { localId?: string }) | undefined;
  if (!device || device.deviceId === sync.deviceId || device.localId) return;
  await settings.put({
    key: 'device',
    value: {
      ...device,
      deviceId: sync.deviceId,
      ...(device.seq > 0 ? { localId: device.deviceId } : {}),
    },
  });
}
