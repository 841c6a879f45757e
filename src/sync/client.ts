/** Calls to the sync server, checked against the shared protocol on the way back too. */
import { z } from 'zod';
import { takeOwnerSession } from './owner-session';
import { SyncError } from './sync-error';
import type { ShopSettings } from '../domain/shop';
import {
  deviceGrant,
  devicesReply,
  ownerSessionReply,
  pairingCodeReply,
  PULL_PAGE_MAX,
  pullReply,
  pushReply,
  revokeReply,
  snapshotEventsReply,
  snapshotMembersReply,
  snapshotStartReply,
  type DeviceGrant,
  type DeviceRole,
  type PullReply,
  type PushReply,
  type PushRequest,
} from '../shared/sync-protocol';

export { SyncError };

/** A reply whose body the tablet does not read. */
const anyReply = z.unknown();

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

async function call<S extends z.ZodType>(
  fetchFn: Fetch,
  server: string,
  path: string,
  schema: S,
  init: RequestInit & { token?: string; json?: unknown; owner?: boolean; session?: string } = {},
): Promise<z.infer<S>> {
  let res: Response;
  // An owner action carries the counter tablet's owner session while it lives.
  const session = init.session ?? (init.owner ? takeOwnerSession() : null);
  try {
    res = await fetchFn(`${server.replace(/\/+$/, '')}/api${path}`, {
      method: init.method,
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(session ? { 'x-owner-session': session } : {}),
      },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
  } catch {
    throw new SyncError('unreachable', null, 'unreachable');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = body as { error?: string; message?: string; retryAfterMs?: number } | null;
    throw new SyncError(
      err?.message ?? res.statusText,
      res.status,
      err?.error ?? 'http',
      typeof err?.retryAfterMs === 'number' ? err.retryAfterMs : undefined,
    );
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
    /**
     * A code for a new device of the given kind. `role` is sent only for an owner
     * device: a server without roles (which refuses unknown fields) still pairs counters.
     */
    pairingCode: (server: string, token: string, ownerPin: string, role: DeviceRole = 'counter') =>
      call(fetchFn, server, '/pairing-codes', pairingCodeReply, {
        method: 'POST',
        token,
        owner: true,
        json: { ...(ownerPin ? { ownerPin } : {}), ...(role === 'owner' ? { role } : {}) },
      }),
    devices: (server: string, token: string) =>
      call(fetchFn, server, '/devices', devicesReply, { method: 'GET', token, owner: true }),
    revoke: (server: string, token: string, deviceId: string, ownerPin: string) =>
      call(fetchFn, server, `/devices/${encodeURIComponent(deviceId)}/revoke`, revokeReply, {
        method: 'POST',
        token,
        owner: true,
        json: ownerPin ? { ownerPin } : {},
      }),
    /** A counter tablet's owner PIN, checked by the server: a short owner session. */
    openOwnerSession: (server: string, token: string, ownerPin: string) =>
      call(fetchFn, server, '/owner-sessions', ownerSessionReply, {
        method: 'POST',
        token,
        json: { ownerPin },
      }),
    closeOwnerSession: (server: string, token: string, session: string) =>
      call(fetchFn, server, '/owner-sessions', anyReply, { method: 'DELETE', token, session }),
    /** `owner`: the push carries settings, which only the owner may change. */
    push: (server: string, token: string, push: PushRequest, owner = false): Promise<PushReply> =>
      call(fetchFn, server, '/sync/push', pushReply, { method: 'POST', token, json: push, owner }),
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
