/**
 * The sync API under /api, composed from its parts: devices (shops, pairing,
 * revoking), sync (push, pull, snapshot) and the customer's card. Bodies are
 * checked with the shared zod schemas; every refusal is a 4xx with
 * { error, message }, never a 500 or a crash.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ErrorReply } from '../../shared/sync-protocol';
import { StoreError, type SignupPolicy, type Store } from '../store/store';
import { ApiError, type Env } from './api-error';
import { cardRoutes } from './card';
import { deviceRoutes } from './devices';
import { selfJoinRoutes } from './self-join';
import { syncRoutes } from './sync';

/** A sync push of 1,000 events is about 300 KB; anything far bigger is not a tablet. */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

function tooLarge(c: Context) {
  // The rest of the body is never read: the connection cannot carry another request.
  c.header('Connection', 'close');
  return c.json<ErrorReply>(
    {
      error: 'too_large',
      message: `The request body is over ${BODY_LIMIT_BYTES / 1024 / 1024} MB; send smaller batches.`,
    },
    413,
  );
}

/**
 * Bodies are JSON, said so: a cross-site form or `text/plain` fetch (a "simple"
 * request, sent without asking) never reaches a route.
 */
async function jsonOnly(c: Context, next: () => Promise<void>) {
  const type = c.req.header('content-type') ?? '';
  if (c.req.method === 'POST' && !/^application\/json\s*(;|$)/i.test(type))
    return c.json<ErrorReply>(
      { error: 'not_json', message: 'Send the body as JSON (Content-Type: application/json).' },
      415,
    );
  await next();
}

function notFound(c: Context) {
  return c.json<ErrorReply>(
    { error: 'not_found', message: `No API route ${c.req.method} ${c.req.path}.` },
    404,
  );
}

function answerError(error: Error, c: Context) {
  if (
    (error instanceof ApiError || error instanceof StoreError) &&
    error.retryAfterMs !== undefined
  ) {
    c.header('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
    return c.json<ErrorReply>(
      { error: error.code, message: error.message, retryAfterMs: error.retryAfterMs },
      error.status,
    );
  }
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
}

export interface ApiOptions {
  store: Store;
  clock?: () => number;
  /** Proxy socket addresses whose X-Forwarded-For is believed (TRUST_PROXY). */
  trustProxy?: readonly string[];
  /** Who may register a shop (SETIA_SIGNUP); `first` when not said. Tests with many shops say `open`. */
  signup?: SignupPolicy;
}

export function apiRoutes({
  store,
  clock = Date.now,
  trustProxy = [],
  signup = { mode: 'first' },
}: ApiOptions): Hono<Env> {
  const api = new Hono<Env>();
  api.use('*', async (c, next) => {
    c.set('store', store);
    c.set('clock', clock);
    c.set('trustProxy', trustProxy);
    c.set('signup', signup);
    await next();
  });
  api.use('*', jsonOnly);
  api.use('*', bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: tooLarge }));
  api.get('/health', (c) => c.json({ ok: true }));
  api.route('/', deviceRoutes());
  api.route('/sync', syncRoutes());
  api.route('/card', cardRoutes());
  api.route('/shops', selfJoinRoutes(store, clock));
  api.all('*', notFound);
  api.onError(answerError);
  return api;
}
