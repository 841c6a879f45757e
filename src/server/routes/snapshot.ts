/**
 * A new tablet's snapshot, authenticated like the pull: GET /sync/snapshot
 * starts one (the cursor `at` and counts), then /members and /events page
 * through it. Bad parameters are a 400 with a sentence, never a 500.
 */
import { Hono, type Context } from 'hono';
import { SNAPSHOT_EVENTS_MAX, SNAPSHOT_MEMBERS_MAX } from '../../shared/sync-limits';
import { logHead, snapshotEventsJson, snapshotMembers, snapshotStart } from '../store/snapshot';
import type { SnapshotMembersReply } from '../../shared/sync-protocol';
import { ApiError, type Env } from './api-error';
import { requireDevice } from './auth';

function wholeNumber(c: Context, name: string, fallback: number, max: number): number {
  const raw = c.req.query(name);
  const value = raw === undefined ? fallback : Number(raw);
  if (raw === '' || !Number.isSafeInteger(value) || value < 0 || value > max)
    throw new ApiError(400, `bad_${name}`, `${name} must be a whole number from 0 to ${max}.`);
  return value;
}

/** `at` must be a cursor this shop has reached: a snapshot cannot be taken in the future. */
async function snapshotAt(c: Context<Env>): Promise<number> {
  const at = wholeNumber(c, 'at', -1, Number.MAX_SAFE_INTEGER);
  if (at > (await logHead(c.var.store.db, c.var.auth.shopId)))
    throw new ApiError(
      400,
      'bad_at',
      'at is beyond what this shop has stored; start a new snapshot.',
    );
  return at;
}

/**
 * The member page a tablet will ask for next, computed while it reads the last one: folding
 * a page is the server's longest step, and the tablet cannot ask before it has the last id.
 * A page up to `at` never changes, so a computed one stays right. Few are kept, briefly.
 */
class PagesAhead {
  private pages = new Map<string, { page: Promise<SnapshotMembersReply>; until: number }>();
  take(key: string): Promise<SnapshotMembersReply> | undefined {
    const found = this.pages.get(key);
    this.pages.delete(key);
    return found && found.until > Date.now() ? found.page : undefined;
  }
  put(key: string, compute: () => Promise<SnapshotMembersReply>): void {
    for (const [k, v] of this.pages)
      if (v.until <= Date.now() || this.pages.size >= 16) this.pages.delete(k);
    const page = new Promise<SnapshotMembersReply>((resolve, reject) =>
      setImmediate(() => compute().then(resolve, reject)),
    );
    page.catch(() => undefined); // a failure is reported to the request that takes it
    this.pages.set(key, { page, until: Date.now() + 60_000 });
  }
}

export function snapshotRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  const ahead = new PagesAhead();
  routes.use('*', requireDevice);

  routes.get('/', async (c) => c.json(await snapshotStart(c.var.store.db, c.var.auth.shopId)));

  routes.get('/members', async (c) => {
    const at = await snapshotAt(c);
    const { store } = c.var;
    const after = c.req.query('after') ?? '';
    if (!/^[0-9A-Za-z_-]{0,40}$/.test(after))
      throw new ApiError(400, 'bad_after', 'after must be a member id (or empty to start).');
    const limit = wholeNumber(c, 'limit', SNAPSHOT_MEMBERS_MAX, SNAPSHOT_MEMBERS_MAX);
    if (limit === 0) throw new ApiError(400, 'bad_limit', 'limit must be at least 1.');
    const { shopId } = c.get('auth');
    const key = (from: string) => JSON.stringify([shopId, at, from, limit]);
    // A page computed ahead that failed is simply computed again.
    const early = await ahead.take(key(after))?.catch(() => undefined);
    const page = early ?? (await snapshotMembers(store.db, shopId, at, after, limit));
    const last = page.members.at(-1)?.id;
    if (page.more && last)
      ahead.put(key(last), () => snapshotMembers(store.db, shopId, at, last, limit));
    return c.json(page);
  });

  routes.get('/events', async (c) => {
    const at = await snapshotAt(c);
    const { store } = c.var;
    const after = wholeNumber(c, 'after', 0, Number.MAX_SAFE_INTEGER);
    const limit = wholeNumber(c, 'limit', SNAPSHOT_EVENTS_MAX, SNAPSHOT_EVENTS_MAX);
    if (limit === 0) throw new ApiError(400, 'bad_limit', 'limit must be at least 1.');
    const json = await snapshotEventsJson(store.db, c.get('auth').shopId, at, after, limit);
    return c.body(json, 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  return routes;
}
