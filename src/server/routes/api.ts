/**
 * The sync API under /api. Bodies are checked with the shared zod schemas;
 * every refusal is a 4xx with { error, message }, never a 500 or a crash.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import { afterWrongPin, OPEN_LOCK, waitLeft, type PinLock } from '../../domain/owner-lock';
import { verifyPin } from '../../shared/pin';
import {
  feedbackRequest,
  joinRequest,
  pairingCodeRequest,
  PULL_PAGE_DEFAULT,
  PULL_PAGE_MAX,
  pushRequest,
  registerShopRequest,
  revokeRequest,
  type ErrorReply,
} from '../../shared/sync-protocol';
import { StoreError, type Store } from '../store/store';
import { snapshotRoutes } from './snapshot';
import { ApiError, body, type Env } from './api-error';

/** A sync push of 1,000 events is about 300 KB; anything far bigger is not a tablet. */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

const CARD_TOKEN = /^[0-9A-Za-z_-]{1,40}\.[A-Za-z0-9_-]{22}$/;
const FEEDBACK_GAP_MS = 5_000;

/** Who is guessing pairing codes: the socket's address (behind a proxy, all clients share one). */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local'; // called in-process (tests), not over a socket
  }
}

/** Wrong PINs and pairing codes wait longer and longer (the owner screen's rule), per key. */
class Throttle {
  private locks = new Map<string, PinLock>();
  check(key: string, now: number): void {
    const wait = waitLeft(this.locks.get(key) ?? OPEN_LOCK, now);
    if (wait > 0)
      throw new ApiError(
        429,
        'too_many_tries',
        `Too many wrong tries. Wait ${Math.ceil(wait / 1000)} seconds and try again.`,
      );
  }
  fail(key: string, now: number): void {
    this.locks.set(key, afterWrongPin(this.locks.get(key) ?? OPEN_LOCK, now));
  }
  pass(key: string): void {
    this.locks.delete(key);
  }
}

export function apiRoutes(store: Store, clock: () => number = Date.now): Hono<Env> {
  const api = new Hono<Env>();
  const pinTries = new Throttle();
  const joinTries = new Throttle();

  api.use(
    '*',
    bodyLimit({
      maxSize: BODY_LIMIT_BYTES,
      onError: (c) =>
        c.json<ErrorReply>(
          {
            error: 'too_large',
            message: `The request body is over ${BODY_LIMIT_BYTES / 1024 / 1024} MB; send smaller batches.`,
          },
          413,
        ),
    }),
  );

  const requireDevice = async (c: Context<Env>, next: () => Promise<void>) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header)?.[1];
    if (!token)
      throw new ApiError(401, 'no_token', 'Send the device token as "Authorization: Bearer …".');
    const auth = await store.authenticate(token);
    if (!auth)
      throw new ApiError(
        401,
        'bad_token',
        'This device is not paired with a shop, or was removed by the owner. Pair it again.',
      );
    c.set('auth', auth);
    await next();
  };

  const requireOwnerPin = async (c: Context<Env>, pin: string) => {
    const { shopId, deviceId } = c.get('auth');
    const now = clock();
    pinTries.check(deviceId, now);
    const shop = await store.shop(shopId);
    if (!(await verifyPin(pin, shop.ownerPin))) {
      pinTries.fail(deviceId, now);
      throw new ApiError(403, 'wrong_pin', 'That owner PIN is not right.');
    }
    pinTries.pass(deviceId);
  };

  api.get('/health', (c) => c.json({ ok: true }));

  api.post('/shops', async (c) => {
    const req = await body(c, registerShopRequest);
    return c.json(await store.registerShop(req.shop, req.deviceName, clock()), 201);
  });

  api.post('/devices/join', async (c) => {
    const req = await body(c, joinRequest);
    const now = clock();
    const who = clientAddress(c);
    joinTries.check(who, now);
    const grant = await store.join(req.code, req.deviceName, now);
    if (!grant) {
      joinTries.fail(who, now);
      throw new ApiError(
        404,
        'bad_code',
        'This pairing code is wrong or has expired. Ask the owner for a new one.',
      );
    }
    joinTries.pass(who);
    return c.json(grant, 201);
  });

  api.post('/pairing-codes', requireDevice, async (c) => {
    const req = await body(c, pairingCodeRequest);
    await requireOwnerPin(c, req.ownerPin);
    return c.json(await store.createPairingCode(c.get('auth').shopId, clock()), 201);
  });

  api.get('/devices', requireDevice, async (c) =>
    c.json({ devices: await store.devices(c.get('auth').shopId) }),
  );

  api.post('/devices/:id/revoke', requireDevice, async (c) => {
    const req = await body(c, revokeRequest);
    await requireOwnerPin(c, req.ownerPin);
    const id = c.req.param('id') ?? '';
    if (!(await store.revoke(c.get('auth').shopId, id, clock())))
      throw new ApiError(
        404,
        'no_device',
        'No such device in this shop (or it was already removed).',
      );
    return c.json({ revoked: id });
  });

  api.post('/sync/push', requireDevice, async (c) => {
    const req = await body(c, pushRequest);
    return c.json(await store.push(c.get('auth'), req));
  });

  api.get('/sync/pull', requireDevice, async (c) => {
    const cursor = Number(c.req.query('cursor') ?? 0);
    const limit = Number(c.req.query('limit') ?? PULL_PAGE_DEFAULT);
    if (!Number.isSafeInteger(cursor) || cursor < 0)
      throw new ApiError(400, 'bad_cursor', 'cursor must be a whole number ≥ 0.');
    if (!Number.isInteger(limit) || limit < 1 || limit > PULL_PAGE_MAX)
      throw new ApiError(400, 'bad_limit', `limit must be from 1 to ${PULL_PAGE_MAX}.`);
    return c.json(await store.pull(c.get('auth').shopId, cursor, limit));
  });

  api.route('/sync/snapshot', snapshotRoutes(store, requireDevice));

  api.get('/card/:token', async (c) => {
    const token = c.req.param('token');
    const card = CARD_TOKEN.test(token) ? await store.card(token, clock()) : null;
    if (!card) throw new ApiError(404, 'no_card', 'No card for this link.');
    c.header('Cache-Control', 'no-store');
    return c.json(card);
  });

  // A customer rates their last visit from their card; the signed card link is the only key.
  const feedbackTries = new Map<string, number>();
  api.post('/card/:token/feedback', async (c) => {
    const token = c.req.param('token');
    if (!CARD_TOKEN.test(token)) throw new ApiError(404, 'no_card', 'No card for this link.');
    const req = await body(c, feedbackRequest);
    const now = clock();
    // At most one try per card every few seconds: a stuck button cannot flood the ledger.
    if (now - (feedbackTries.get(token) ?? -Infinity) < FEEDBACK_GAP_MS)
      throw new ApiError(429, 'too_fast', 'One moment, and try again.');
    if (feedbackTries.size > 10_000) feedbackTries.clear(); // a bound, not a record
    feedbackTries.set(token, now);
    await store.feedback(token, req.rating, req.comment, now);
    return c.json({ ok: true }, 201);
  });

  api.all('*', (c) =>
    c.json<ErrorReply>(
      { error: 'not_found', message: `No API route ${c.req.method} ${c.req.path}.` },
      404,
    ),
  );

  api.onError((error, c) => {
    if (error instanceof ApiError || error instanceof StoreError)
      return c.json<ErrorReply>({ error: error.code, message: error.message }, error.status);
    console.error(error);
    return c.json<ErrorReply>(
      {
        error: 'server_error',
        message: 'The server hit an unexpected problem; nothing was lost. Try again.',
      },
      500,
    );
  });

  return api;
}
