/**
 * Who is asking and with what authority: the device behind a bearer token, the
 * owner's authority (an owner device, or a counter tablet with a live owner
 * session), the owner PIN checked against a budget of wrong tries kept in the
 * database, and the client's address (trusted from X-Forwarded-For only when
 * the socket is the proxy the operator named in TRUST_PROXY).
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { verifyPin } from '../../shared/pin';
import type { PinHash } from '../../domain/shop';
import { clearTries, takeTry } from '../store/guesses';
import { touchOwnerSession } from '../store/owner-sessions';
import { ApiError, type Env } from './api-error';

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local'; // called in-process (tests), not over a socket
  }
}

/**
 * The client's address. Behind a proxy every socket is the proxy's, so its
 * X-Forwarded-For is read, but only when the socket is a proxy the operator
 * named: anyone else could write any address there. The last entry is the
 * one the named proxy added itself.
 */
export function clientAddress(c: Context<Env>): string {
  const socket = socketAddress(c);
  if (!c.var.trustProxy.includes(socket)) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((a) => a.trim());
  return forwarded.filter(Boolean).at(-1) ?? socket;
}

export function tooManyTries(waitMs: number): ApiError {
  return new ApiError(
    429,
    'too_many_tries',
    `Too many wrong tries. Wait ${Math.ceil(waitMs / 1000)} seconds and try again.`,
    waitMs,
  );
}

/** The device token in "Authorization: Bearer …"; refuses a missing, unknown or revoked one. */
export async function requireDevice(c: Context<Env>, next: () => Promise<void>): Promise<void> {
  const header = c.req.header('authorization') ?? '';
  const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header)?.[1];
  if (!token)
    throw new ApiError(401, 'no_token', 'Send the device token as "Authorization: Bearer …".');
  const auth = await c.var.store.authenticate(token);
  if (!auth)
    throw new ApiError(
      401,
      'bad_token',
      'This device is not paired with a shop, or was removed by the owner. Pair it again.',
    );
  c.set('auth', auth);
  await next();
}

/** A counter tablet's X-Owner-Session, when it is this device's and still live. */
export async function hasOwnerSession(c: Context<Env>): Promise<boolean> {
  const session = c.req.header('x-owner-session');
  if (!session || !/^[A-Za-z0-9_-]{20,100}$/.test(session)) return false;
  return touchOwnerSession(c.var.store.db, c.var.auth, session, c.var.clock());
}

/** Owner authority in this request: an owner device, or a live owner session. */
export async function ownerAuthority(c: Context<Env>): Promise<boolean> {
  return c.var.auth.role === 'owner' || (await hasOwnerSession(c));
}

export function ownerOnly(what: string): ApiError {
  return new ApiError(
    403,
    'owner_only',
    `Only the owner can ${what}. Unlock the owner area on this tablet first.`,
  );
}

export async function requireOwnerAuthority(c: Context<Env>, what: string): Promise<void> {
  if (!(await ownerAuthority(c))) throw ownerOnly(what);
}

/**
 * PBKDF2 runs on libuv's thread pool, which gzip and file reads share: checks
 * wait their turn here, one at a time, so a burst of PIN checks keeps at most
 * one pool thread busy and other shops' pulls go on.
 */
let pinQueue: Promise<unknown> = Promise.resolve();
function verifyInTurn(pin: string, stored: PinHash): Promise<boolean> {
  const turn = pinQueue.then(() => verifyPin(pin, stored));
  pinQueue = turn.catch(() => false);
  return turn;
}

/**
 * Checks the owner PIN against the shop's budget of wrong tries, shared by
 * every request and process: at most five wrong answers, then growing waits.
 */
export async function checkOwnerPin(c: Context<Env>, pin: string): Promise<void> {
  const { shopId } = c.var.auth;
  const key = `owner-pin:${shopId}`;
  const { db } = c.var.store;
  const wait = await takeTry(db, key, c.var.clock());
  if (wait > 0) throw tooManyTries(wait);
  const shop = await c.var.store.shop(shopId);
  if (!(await verifyInTurn(pin, shop.ownerPin)))
    throw new ApiError(403, 'wrong_pin', 'That owner PIN is not right.');
  await clearTries(db, key);
}

/**
 * For what only the owner does (pairing codes, revoking): a counter tablet
 * needs a live owner session; the PIN, when sent, is checked; an owner device
 * with no session sends it as before.
 */
export async function requireOwner(
  c: Context<Env>,
  pin: string | undefined,
  what: string,
): Promise<void> {
  const session = await hasOwnerSession(c);
  if (c.var.auth.role !== 'owner' && !session) throw ownerOnly(what);
  if (pin !== undefined) await checkOwnerPin(c, pin);
  else if (!session) throw new ApiError(403, 'wrong_pin', 'Enter the owner PIN.');
}
