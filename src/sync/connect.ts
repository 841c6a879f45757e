/** Connecting this tablet to a sync server: from then on it syncs. */
import type { SetiaDB } from '../db/schema';
import { saveSettingClocks } from '../db/settings';
import { NEW_JOIN, saveSyncState } from '../db/sync-state';

/** Saves the server and the grant it gave (registered or joined); the first round starts from nothing. */
export async function connectToServer(
  db: SetiaDB,
  server: string,
  grant: { token: string; deviceId: string; settingsClocks?: Record<string, string> },
  options: { snapshot?: boolean } = {},
): Promise<void> {
  const { token, deviceId } = grant;
  await saveSyncState(db, {
    server,
    token,
    deviceId,
    cursor: 0,
    pushedSeq: 0,
    settingsPushedSeq: 0,
    lastSyncAt: null,
    // A tablet joining an existing shop starts from a snapshot instead of the whole log.
    ...(options.snapshot ? { join: NEW_JOIN } : {}),
  });
  // A joining tablet takes the shop's settings as the server merged them, with their clocks
  // (an edit of its own made before then no longer holds its setting, so it is not sent).
  if (grant.settingsClocks) await saveSettingClocks(db, grant.settingsClocks);
}
