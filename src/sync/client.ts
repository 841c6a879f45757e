/** Calls to the sync server, checked against the shared protocol on the way back too. */
import type { z } from 'zod';
import { SyncError } from './sync-error';
import type { ShopSettings } from '../domain/shop';
import {
  deviceGrant,
  devicesReply,
  pairingCodeReply,
  PULL_PAGE_MAX,
  pullReply,
  pushReply,
  revokeReply,
  snapshotEventsReply,
  snapshotMembersReply,
  snapshotStartReply,
  type DeviceGrant,
  type PullReply,
  type PushReply,
  type PushRequest,
} from '../shared/sync-protocol';

export { SyncError };

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

async function call<S extends z.ZodType>(
  fetchFn: Fetch,
  server: string,
  path: string,
  schema: S,
  init: RequestInit & { token?: string; json?: unknown } = {},
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetchFn(`${server.replace(/\/+$/, '')}/api${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
  } catch {
    throw new SyncError('unreachable', null, 'unreachable');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = body as { error?: string; message?: string } | null;
    throw new SyncError(err?.message ?? res.statusText, res.status, err?.error ?? 'http');
  }
  const t0 = performance.now();
  const parsed = schema.safeParse(body);
  performance.measure('setia:sync-check', { start: t0 });
  if (!parsed.success) throw new SyncError('bad reply', res.status, 'bad_reply');
  return parsed.data;
}

/** The server's API; `fetchFn` lets tests talk to an in-process server. */
export function createSyncApi(fetchFn: Fetch = (url, init) => fetch(url, init)) {
  return {
    register: (server: string, shop: ShopSettings, deviceName: string): Promise<DeviceGrant> =>
      call(fetchFn, server, '/shops', deviceGrant, { method: 'POST', json: { shop, deviceName } }),
    join: (server: string, code: string, deviceName: string): Promise<DeviceGrant> =>
      call(fetchFn, server, '/devices/join', deviceGrant, {
        method: 'POST',
        json: { code, deviceName },
      }),
    pairingCode: (server: string, token: string, ownerPin: string) =>
      call(fetchFn, server, '/pairing-codes', pairingCodeReply, {
        method: 'POST',
        token,
        json: { ownerPin },
      }),
    devices: (server: string, token: string) =>
      call(fetchFn, server, '/devices', devicesReply, { method: 'GET', token }),
    revoke: (server: string, token: string, deviceId: string, ownerPin: string) =>
      call(fetchFn, server, `/devices/${encodeURIComponent(deviceId)}/revoke`, revokeReply, {
        method: 'POST',
        token,
        json: { ownerPin },
      }),
    push: (server: string, token: string, push: PushRequest): Promise<PushReply> =>
      call(fetchFn, server, '/sync/push', pushReply, { method: 'POST', token, json: push }),
    pull: (server: string, token: string, cursor: number): Promise<PullReply> =>
      call(fetchFn, server, `/sync/pull?cursor=${cursor}&limit=${PULL_PAGE_MAX}`, pullReply, {
        method: 'GET',
        token,
      }),
    snapshot: (server: string, token: string) =>
      call(fetchFn, server, '/sync/snapshot', snapshotStartReply, { method: 'GET', token }),
    snapshotMembers: (server: string, token: string, at: number, after: string, limit?: number) =>
      call(
        fetchFn,
        server,
        `/sync/snapshot/members?at=${at}&after=${encodeURIComponent(after)}${limit ? `&limit=${limit}` : ''}`,
        snapshotMembersReply,
        { method: 'GET', token },
      ),
    snapshotEvents: (server: string, token: string, at: number, after: number, limit?: number) =>
      call(
        fetchFn,
        server,
        `/sync/snapshot/events?at=${at}&after=${after}${limit ? `&limit=${limit}` : ''}`,
        snapshotEventsReply,
        { method: 'GET', token },
      ),
  };
}

export type SyncApi = ReturnType<typeof createSyncApi>;
export const syncApi = createSyncApi();
