/**
 * Opens the server's database: SQLite in a file under DATA_DIR (nothing to
 * install), or PostgreSQL when DATABASE_URL is set. Same tables, same queries,
 * through Kysely; migrations run on open.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  sql,
  SqliteDialect,
  type MigrationProvider,
} from 'kysely';
import pg from 'pg';
import { migrations, type Database, type Dialect } from './schema';

export interface StoreOptions {
  /** postgres://… ; when absent, SQLite. */
  databaseUrl?: string;
  /** Folder of the SQLite file (default ./data); ':memory:' for a throwaway database. */
  dataDir?: string;
  /** PostgreSQL schema to use (tests isolate runs with their own). */
  pgSchema?: string;
}

export interface Connection {
  db: Kysely<Database>;
  dialect: Dialect;
}

// int8 columns (seq, times) come back as numbers, not strings: they stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export async function connect(options: StoreOptions): Promise<Connection> {
  let connection: Connection;
  if (options.databaseUrl) {
    const schema = options.pgSchema;
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
    if (schema) {
      const admin = new pg.Client({ connectionString: options.databaseUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await admin.end();
    }
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 8,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    connection = {
      db: new Kysely({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
    };
  } else {
    const dir = options.dataDir ?? 'data';
    let file = ':memory:';
    if (dir !== ':memory:') {
      mkdirSync(dir, { recursive: true });
      file = join(dir, 'setia.sqlite');
    }
    const database = new SQLite(file);
    // WAL: readers never wait for the writer; NORMAL sync is durable across a process crash.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    connection = {
      db: new Kysely({ dialect: new SqliteDialect({ database }) }),
      dialect: 'sqlite',
    };
  }
  const provider: MigrationProvider = {
    getMigrations: async () => migrations(connection.dialect),
  };
  // Kysely looks for its migration tables in every schema unless told which: another
  // schema's (another server or test run on the same PostgreSQL) would pass for ours.
  const migrationTableSchema =
    connection.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(connection.db)).rows[0]?.s
      : undefined;
  const { error } = await new Migrator({
    db: connection.db,
    provider,
    // Migrations of separate features touch separate tables: one merged later with a
    // smaller number than one already run still runs, rather than stopping the server.
    allowUnorderedMigrations: true,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  }).migrateToLatest();
  if (error) throw error;
  return connection;
}
