/**
 * `npm start`: the app and its sync API on one port (PORT, default 8080).
 * Storage: SQLite under DATA_DIR (default ./data), or PostgreSQL when
 * DATABASE_URL is set. WORKERS=n (PostgreSQL only) runs n server processes on
 * that one port (node:cluster): everything they share lives in the database.
 * SETIA_SIGNUP, SETIA_SIGNUP_TOKENS, SETIA_QUOTA_EVENTS_PER_DAY and
 * SETIA_QUOTA_STORED_MB set who may register a shop and each shop's quotas.
 */
import cluster from 'node:cluster';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createServerApp } from './app';
import { quotasFromEnv, signupFromEnv, Store } from './store/store';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`PORT must be a port number, got "${process.env.PORT}".`);
const workers = Number(process.env.WORKERS || 1);
if (!Number.isInteger(workers) || workers < 1 || workers > 64)
  fail(`WORKERS must be a whole number from 1 to 64, got "${process.env.WORKERS}".`);
const databaseUrl = process.env.DATABASE_URL || undefined;
if (workers > 1 && !databaseUrl)
  fail(
    'WORKERS above 1 needs PostgreSQL (DATABASE_URL): SQLite takes one writer, so one process serves it best.',
  );
let config: { signup: ReturnType<typeof signupFromEnv>; quotas: ReturnType<typeof quotasFromEnv> };
try {
  config = { signup: signupFromEnv(process.env), quotas: quotasFromEnv(process.env) };
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
const storeOptions = {
  databaseUrl,
  dataDir: process.env.DATA_DIR ?? 'data',
  quotas: config.quotas,
};
const openStore = () =>
  Store.open(storeOptions).catch((e: unknown) =>
    fail(`Could not open the database: ${e instanceof Error ? e.message : String(e)}`),
  );
// TRUST_PROXY=127.0.0.1,::1 when an HTTPS proxy on this machine forwards to the server.
const trustProxy = (process.env.TRUST_PROXY ?? '')
  .split(',')
  .map((a) => a.trim())
  .filter(Boolean)
  .flatMap((a) => (a.includes(':') || a.startsWith('::') ? [a] : [a, `::ffff:${a}`]));

if (workers > 1 && cluster.isPrimary) await supervise();
else await serveHere();

/** The primary of WORKERS=n: migrates once, then keeps n server processes running. */
async function supervise() {
  await (await openStore()).close(); // migrations run here, before any worker opens the database
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`A server process stopped (${signal ?? `exit code ${code}`}); starting another.`);
    setTimeout(() => cluster.fork(), 1000);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  console.log(`Setia: ${workers} server processes on port ${port} (storage: PostgreSQL)`);
}

async function serveHere() {
  const distDir = process.env.DIST_DIR === '' ? undefined : resolve(process.env.DIST_DIR ?? 'dist');
  const store = await openStore();
  const app = createServerApp({ distDir, store, signup: config.signup, trustProxy });
  const server = serve(
    { fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' },
    (info) => {
      if (cluster.isWorker) return; // the primary says it once
      const where = databaseUrl ? 'PostgreSQL' : `SQLite in ${storeOptions.dataDir}/`;
      console.log(
        `Setia is serving on http://localhost:${info.port} (storage: ${where}; sign-up: ${config.signup.mode})`,
      );
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => server.close(() => void store.close().finally(() => process.exit(0))));
}
