/**
 * Serves the built PWA: hashed assets cached for a year, everything else
 * revalidated (so a new service worker is seen at once), and any app route
 * (/, /owner, /c/…) answered with index.html.
 */
import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

export function mountApp(app: Hono, distDir: string): void {
  if (!existsSync(distDir))
    throw new Error(`No built app at ${distDir}: run "npm run build" first.`);
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
  });
  app.use('*', serveStatic({ root: distDir }));
  // Client-side routes: anything that is not a file or the API gets the app shell.
  app.get('*', async (c, next) => {
    // Card links (/c/<member>.<signature>) end in what looks like a file extension.
    const isCard = c.req.path.startsWith('/c/');
    if (c.req.path.startsWith('/api/') || (!isCard && /\.[a-z0-9]+$/i.test(c.req.path)))
      return next();
    return serveStatic({ root: distDir, path: 'index.html' })(c, next);
  });
}
