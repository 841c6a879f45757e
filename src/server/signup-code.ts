/**
 * `npm run signup-code [-- N]`: makes N (default 1) sign-up codes for a server
 * run with SETIA_SIGNUP=token, in the same database the server uses
 * (DATABASE_URL, or SQLite under DATA_DIR), and prints them: hand one to each
 * shop that may register. Each registers one shop; only their hashes are kept.
 */
import { Store } from './store/store';

const count = Number(process.argv[2] ?? 1);
if (!Number.isInteger(count) || count < 1 || count > 1000) {
  console.error('Usage: npm run signup-code [-- N]   (N from 1 to 1000 codes)');
  process.exit(2);
}
const store = await Store.open({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR ?? 'data',
});
try {
  for (let i = 0; i < count; i++) console.log(await store.createSignupCode());
} finally {
  await store.close();
}
