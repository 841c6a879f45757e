/**
 * The stores a server test suite runs against: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set (each run in a schema of its own, dropped after).
 */
import pg from 'pg';
import type { StoreOptions } from './store/connect';

let warned = false;

export function backends(): [string, StoreOptions][] {
  const url = process.env.TEST_DATABASE_URL;
  const list: [string, StoreOptions][] = [['SQLite', { dataDir: ':memory:' }]];
  if (url)
    list.push([
      'PostgreSQL',
      { databaseUrl: url, pgSchema: `setia_test_${process.pid}_${Date.now().toString(36)}` },
    ]);
  else if (process.env.CI === 'true')
    // In CI a green run must include PostgreSQL: .ci/run sets the URL or stops.
    throw new Error(
      'CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tests would not run.',
    );
  else if (!warned) {
    warned = true;
    console.warn(
      '\n⚠️  TEST_DATABASE_URL is not set: the server tests ran on SQLite only, NOT on PostgreSQL.\n' +
        '   Set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them on both.\n',
    );
  }
  return list;
}

export async function dropBackend(options: StoreOptions): Promise<void> {
  if (!options.databaseUrl || !options.pgSchema) return;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${options.pgSchema} CASCADE`);
  await client.end();
}
