/** The HTTP app: the sync API and the built PWA, from one origin. */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { apiRoutes } from './routes/api';
import { securityHeaders } from './security';
import { mountApp } from './static';
import type { SignupPolicy, Store } from './store/store';

export interface ServerOptions {
  /** The built app; omitted, only the API is served (server tests). */
  distDir?: string;
  store: Store;
  /** The server's clock (tests move it to expire pairing codes). */
  clock?: () => number;
  /** Who may register a shop (SETIA_SIGNUP); `first` when not said. Tests with many shops say `open`. */
  signup?: SignupPolicy;
  /**
   * TRUST_PROXY: socket addresses of the reverse proxies in front of the server. Only
   * from these is X-Forwarded-For believed (the client address that wrong pairing codes
   * are counted against).
   */
  trustProxy?: readonly string[];
}

export function createServerApp(options: ServerOptions): Hono {
  const app = new Hono();
  app.use('*', securityHeaders);
  app.use('*', compress());
  app.route('/api', apiRoutes(options));
  if (options.distDir) mountApp(app, options.distDir);
  return app;
}
