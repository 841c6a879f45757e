/**
 * `npm start`: the app and its sync API on one port (PORT, default 8080).
 * Storage: SQLite under DATA_DIR (default ./data), or PostgreSQL when
 * DATABASE_URL is set.
 */
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createServerApp } from './app';
import { Store } from './store/store';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}".`);
  process.exit(1);
}
const distDir = process.env.DIST_DIR === '' ? undefined : resolve(process.env.DIST_DIR ?? 'dist');
const store = await Store.open({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR ?? 'data',
}).catch((e: unknown) => {
  console.error(`Could not open the database: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
const app = createServerApp({ distDir, store });

const server = serve(
  { fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' },
  (info) => {
    const where = process.env.DATABASE_URL
      ? 'PostgreSQL'
      : `SQLite in ${process.env.DATA_DIR ?? 'data'}/`;
    console.log(`Setia is serving on http://localhost:${info.port} (storage: ${where})`);
  },
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => void store.close().finally(() => process.exit(0))));
}
