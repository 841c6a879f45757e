/** Connecting this tablet to a sync server: from then on it syncs. */
import { takeServerId } from '../db/device';
import type { SetiaDB } from '../db/schema';
import { saveSettingClocks } from '../db/settings';
import { NEW_JOIN, saveSyncPlan, saveSyncState, type DeviceRole } from '../db/sync-state';

/** Saves the server and the grant it gave (registered or joined); the first round starts from nothing. */
export async function connectToServer(
  db: SetiaDB,
  server: string,
  grant: {
    token: string;
    deviceId: string;
    settingsClocks?: Record<string, string>;
    role?: DeviceRole;
  },
  options: { snapshot?: boolean; now?: number } = {},
): Promise<void> {
  const { token, deviceId } = grant;
  await db.transaction('rw', db.settings, async () => {
    await saveSyncState(db, {
      server,
      token,
      deviceId,
      cursor: 0,
      pushedSeq: 0,
      settingsPushedSeq: 0,
      lastSyncAt: null,
      // A server without roles gives every device the owner's authority.
      role: grant.role ?? 'owner',
      // A tablet joining an existing shop starts from a snapshot instead of the whole log.
      ...(options.snapshot ? { join: NEW_JOIN } : {}),
    });
    // From now on this tablet's writes carry the id the server knows it by.
    await takeServerId(db, deviceId, options.now ?? Date.now());
    // The first-run plan (connect to this server) is carried out.
    await saveSyncPlan(db, null);
  });
  // A joining tablet takes the shop's settings as the server merged them, with their clocks
  // (an edit of its own made before then no longer holds its setting, so it is not sent).
  if (grant.settingsClocks) await saveSettingClocks(db, grant.settingsClocks);
}
