/**
 * Joining from one's own phone, under /api/shops/<shopId>: the join page's
 * header (GET join-info) and the sign-up itself (POST self-join). Open to
 * anyone with the poster's link: the shop's switch and the limits per shop
 * and per address (counted in the database) are what guard it.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { claimCardRequest, selfJoinRequest, type SelfJoinReply } from '../../shared/self-join';
import { claimCard, joinInfo, selfJoin, SelfJoinInvalid } from '../store/self-join';
import type { Store } from '../store/store';
import { ApiError, body, type Env } from './api-error';

const SHOP_ID = /^[0-9A-Za-z_-]{1,40}$/;

/** The socket's address (behind a proxy every client shares one: the per-shop limit still holds). */
function callerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local'; // called in-process (tests), not over a socket
  }
}

function shopIdOf(c: Context): string {
  const id = c.req.param('shopId') ?? '';
  if (!SHOP_ID.test(id)) throw new ApiError(404, 'no_shop', 'No such shop on this server.');
  return id;
}

export function selfJoinRoutes(store: Store, clock: () => number = Date.now): Hono<Env> {
  const routes = new Hono<Env>();

  routes.get('/:shopId/join-info', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await joinInfo(store.db, shopIdOf(c)));
  });

  routes.post('/:shopId/self-join', async (c) => {
    const shopId = shopIdOf(c);
    const req = await body(c, selfJoinRequest);
    try {
      const reply: SelfJoinReply = await selfJoin(
        store.db,
        store.dialect,
        shopId,
        req,
        callerAddress(c),
        clock(),
      );
      return c.json(reply, 201);
    } catch (error) {
      // The form's own mistakes, field by field, for the page to show beside each field.
      if (error instanceof SelfJoinInvalid)
        return c.json({ error: error.code, message: error.message, fields: error.fields }, 400);
      throw error;
    }
  });

  // A phone already a member: its card back with the code a shop tablet shows.
  routes.post('/:shopId/claim-card', async (c) => {
    const shopId = shopIdOf(c);
    const req = await body(c, claimCardRequest);
    const reply: SelfJoinReply = await claimCard(store.db, shopId, req, clock());
    return c.json(reply);
  });

  return routes;
}
