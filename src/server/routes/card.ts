/** The customer's card (a signed link is the only key) and the rating they give a visit. */
import { Hono, type Context } from 'hono';
import { feedbackRequest } from '../../shared/sync-protocol';
import { ApiError, body, type Env } from './api-error';

const CARD_TOKEN = /^[0-9A-Za-z_-]{1,40}\.[A-Za-z0-9_-]{22}$/;

/** GET /card/:token: the card a customer sees. */
async function showCard(c: Context<Env>) {
  const token = c.req.param('token') ?? '';
  const card = CARD_TOKEN.test(token) ? await c.var.store.card(token, c.var.clock()) : null;
  if (!card) throw new ApiError(404, 'no_card', 'No card for this link.');
  c.header('Cache-Control', 'no-store');
  return c.json(card);
}

/** POST /card/:token/feedback: a customer rates their last visit. */
async function rateVisit(c: Context<Env>) {
  const token = c.req.param('token') ?? '';
  if (!CARD_TOKEN.test(token)) throw new ApiError(404, 'no_card', 'No card for this link.');
  const req = await body(c, feedbackRequest);
  await c.var.store.feedback(token, req.rating, req.comment, c.var.clock());
  return c.json({ ok: true }, 201);
}

export function cardRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  routes.get('/:token', showCard);
  routes.post('/:token/feedback', rateVisit);
  return routes;
}
