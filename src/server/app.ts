/** The HTTP app: API routes and the built PWA, from one origin. */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { securityHeaders } from './security';
import { mountApp } from './static';

export interface ServerOptions {
  distDir: string;
}

export function createServerApp(options: ServerOptions): Hono {
  const app = new Hono();
  app.use('*', securityHeaders);
  app.use('*', compress());
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.all('/api/*', (c) =>
    c.json({ error: 'not_found', message: `No API route ${c.req.method} ${c.req.path}.` }, 404),
  );
  mountApp(app, options.distDir);
  return app;
}
