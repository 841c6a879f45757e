/**
 * Shops and their devices: registering a shop, owner sessions, pairing codes,
 * joining, the device list, revoking. Everything but registering, joining and
 * opening an owner session needs the owner's authority (auth.ts).
 */
import { Hono, type Context } from 'hono';
import {
  joinRequest,
  ownerSessionRequest,
  pairingCodeRequest,
  registerShopRequest,
  revokeRequest,
  type OwnerSessionReply,
} from '../../shared/sync-protocol';
import { clearTries, takeTry } from '../store/guesses';
import { endOwnerSession, openOwnerSession, OWNER_SESSION_IDLE_MS } from '../store/owner-sessions';
import { ApiError, body, type Env } from './api-error';
import {
  checkOwnerPin,
  clientAddress,
  requireDevice,
  requireOwner,
  requireOwnerAuthority,
  tooManyTries,
} from './auth';

/** POST /shops: the first tablet of a new shop registers it, and is its owner device. */
async function registerShop(c: Context<Env>) {
  const req = await body(c, registerShopRequest);
  const signup = { policy: c.var.signup, code: req.signupCode };
  return c.json(
    await c.var.store.registerShop(req.shop, req.deviceName, c.var.clock(), signup),
    201,
  );
}

/**
 * POST /devices/join: a new tablet joins with a pairing code the owner made.
 * Wrong codes are counted per client address (see clientAddress), so one
 * guesser waits without blocking other shops' tablets.
 */
async function joinShop(c: Context<Env>) {
  const req = await body(c, joinRequest);
  const now = c.var.clock();
  const { db } = c.var.store;
  const key = `join:${clientAddress(c)}`;
  const wait = await takeTry(db, key, now);
  if (wait > 0) throw tooManyTries(wait);
  const grant = await c.var.store.join(req.code, req.deviceName, now);
  if (!grant)
    throw new ApiError(
      404,
      'bad_code',
      'This pairing code is wrong or has expired. Ask the owner for a new one.',
    );
  await clearTries(db, key);
  return c.json(grant, 201);
}

/** POST /owner-sessions: a counter tablet unlocks its owner area with the owner PIN. */
async function openSession(c: Context<Env>) {
  const req = await body(c, ownerSessionRequest);
  await checkOwnerPin(c, req.ownerPin);
  const session = await openOwnerSession(c.var.store.db, c.var.auth, c.var.clock());
  return c.json<OwnerSessionReply>({ session, idleMs: OWNER_SESSION_IDLE_MS });
}

/** DELETE /owner-sessions: the owner locks the owner area again. */
async function endSession(c: Context<Env>) {
  const session = c.req.header('x-owner-session');
  if (session) await endOwnerSession(c.var.store.db, c.var.auth, session);
  return c.json({ ended: true });
}

/** POST /pairing-codes: the owner makes a code for a new tablet (a counter tablet by default). */
async function createPairingCode(c: Context<Env>) {
  const req = await body(c, pairingCodeRequest);
  await requireOwner(c, req.ownerPin, 'pair a new tablet');
  const { shopId } = c.var.auth;
  return c.json(
    await c.var.store.createPairingCode(shopId, c.var.clock(), req.role ?? 'counter'),
    201,
  );
}

/** GET /devices: the shop's devices, removed ones included. */
async function listDevices(c: Context<Env>) {
  await requireOwnerAuthority(c, 'see the shop’s devices');
  return c.json({ devices: await c.var.store.devices(c.var.auth.shopId) });
}

/** POST /devices/:id/revoke: the owner removes a lost or old tablet. */
async function revokeDevice(c: Context<Env>) {
  const req = await body(c, revokeRequest);
  await requireOwner(c, req.ownerPin, 'remove a tablet');
  const id = c.req.param('id') ?? '';
  if (!(await c.var.store.revoke(c.var.auth.shopId, id, c.var.clock())))
    throw new ApiError(
      404,
      'no_device',
      'No such device in this shop (or it was already removed).',
    );
  return c.json({ revoked: id });
}

export function deviceRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  routes.post('/shops', registerShop);
  routes.post('/devices/join', joinShop);
  routes.post('/owner-sessions', requireDevice, openSession);
  routes.delete('/owner-sessions', requireDevice, endSession);
  routes.post('/pairing-codes', requireDevice, createPairingCode);
  routes.get('/devices', requireDevice, listDevices);
  routes.post('/devices/:id/revoke', requireDevice, revokeDevice);
  return routes;
}
