/** A tablet's sync: push what it made, pull what others made, or start from a snapshot. */
import { Hono, type Context } from 'hono';
import {
  PULL_PAGE_DEFAULT,
  PULL_PAGE_MAX,
  pushRequest,
  type PullItem,
  type PullReply,
} from '../../shared/sync-protocol';
import { ApiError, body, type Env } from './api-error';
import { ownerAuthority, requireDevice } from './auth';
import { snapshotRoutes } from './snapshot';

/**
 * POST /sync/push: events, member changes and settings edits, stored once each.
 * The store checks every item against the device (store/push-checks.ts); a
 * settings edit needs the owner's authority.
 */
async function pushItems(c: Context<Env>) {
  const req = await body(c, pushRequest);
  const owner = req.settings?.length ? await ownerAuthority(c) : false;
  return c.json(await c.var.store.push({ ...c.var.auth, owner, now: c.var.clock() }, req));
}

/** A counter tablet never receives the owner PIN's hash; an edit of nothing else is left out. */
function forCounter(items: PullItem[]): PullItem[] {
  const out: PullItem[] = [];
  for (const item of items) {
    if (item.kind !== 'settings' || !('ownerPin' in item.change.fields)) {
      out.push(item);
      continue;
    }
    const { ownerPin: _withheld, ...fields } = item.change.fields;
    if (Object.keys(fields).length > 0) out.push({ ...item, change: { ...item.change, fields } });
  }
  return out;
}

/** GET /sync/pull?cursor&limit: what the shop stored after the tablet's cursor. */
async function pullItems(c: Context<Env>) {
  const cursor = Number(c.req.query('cursor') ?? 0);
  const limit = Number(c.req.query('limit') ?? PULL_PAGE_DEFAULT);
  if (!Number.isSafeInteger(cursor) || cursor < 0)
    throw new ApiError(400, 'bad_cursor', 'cursor must be a whole number ≥ 0.');
  if (!Number.isInteger(limit) || limit < 1 || limit > PULL_PAGE_MAX)
    throw new ApiError(400, 'bad_limit', `limit must be from 1 to ${PULL_PAGE_MAX}.`);
  const { shopId, deviceId, role = 'owner' } = c.var.auth;
  const page: PullReply = await c.var.store.pull(shopId, cursor, limit);
  return c.json<PullReply>({
    ...page,
    items: role === 'owner' ? page.items : forCounter(page.items),
    you: { deviceId, role },
  });
}

export function syncRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  routes.post('/push', requireDevice, pushItems);
  routes.get('/pull', requireDevice, pullItems);
  routes.route('/snapshot', snapshotRoutes());
  return routes;
}
