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

const CARD_LANGUAGES = ['en', 'id', 'ms', 'vi'];

/**
 * GET /card/:token/manifest.webmanifest?lang=xx: the card installed on a
 * customer's home screen is named after the café and opens at their card,
 * tagged with their language. The card page points its manifest link here.
 */
async function cardManifest(c: Context<Env>) {
  const token = c.req.param('token') ?? '';
  const shop = CARD_TOKEN.test(token) ? await c.var.store.cardShop(token) : null;
  if (!shop) throw new ApiError(404, 'no_card', 'No card for this link.');
  const lang = c.req.query('lang') ?? '';
  const start = `/c/${token}`;
  const name = shop.name.trim() || 'Setia';
  c.header('Content-Type', 'application/manifest+json; charset=utf-8');
  c.header('Cache-Control', 'no-cache');
  return c.body(
    JSON.stringify({
      id: `/c/${token.split('.')[0]}`,
      name,
      // Home screens show about 12 characters: the name's start, cut at a word if it can be.
      short_name: shortName(name),
      lang: CARD_LANGUAGES.includes(lang) ? lang : 'en',
      start_url: start,
      scope: start,
      display: 'standalone',
      orientation: 'portrait',
      theme_color: '#7a3e1d',
      background_color: '#faf6f0',
      icons: [
        { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    }),
  );
}

export function shortName(name: string): string {
  const chars = [...name];
  if (chars.length <= 12) return name;
  const words = name.split(/\s+/);
  let out = '';
  for (const w of words) {
    const next = out ? `${out} ${w}` : w;
    if ([...next].length > 12) break;
    out = next;
  }
  return out || chars.slice(0, 12).join('');
}

export function cardRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  routes.get('/:token/manifest.webmanifest', cardManifest);
  routes.get('/:token', showCard);
  routes.post('/:token/feedback', rateVisit);
  return routes;
}
