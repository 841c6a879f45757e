/** `npm start`: the app and its API on one port (PORT, default 8080). */
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createServerApp } from './app';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}".`);
  process.exit(1);
}
const distDir = resolve(process.env.DIST_DIR ?? 'dist');
const app = createServerApp({ distDir });

const server = serve(
  { fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' },
  (info) => {
    console.log(`Setia is serving on http://localhost:${info.port}`);
  },
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
