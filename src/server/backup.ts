/**
 * `npm run backup -- FILE`: a consistent copy of the server's SQLite database
 * (DATA_DIR/setia.sqlite), taken while the server runs, through SQLite's
 * online backup (better-sqlite3's backup()). The copy is written beside FILE
 * and renamed into place when complete, so FILE is never half a database.
 * To restore: stop the server, copy FILE to DATA_DIR/setia.sqlite (and remove
 * any setia.sqlite-wal / -shm beside it), start the server. PostgreSQL: use
 * pg_dump / pg_restore (see README).
 */
import { renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';

export async function backupSqlite(dataDir: string, file: string): Promise<number> {
  const source = new SQLite(join(dataDir, 'setia.sqlite'), { fileMustExist: true });
  const partial = `${file}.partial`;
  try {
    rmSync(partial, { force: true });
    // After the first step, copy all remaining pages in one step: a server writing meanwhile
    // cannot make the copy start over again and again.
    await source.backup(partial, { progress: () => 1_000_000_000 });
    renameSync(partial, file);
  } finally {
    source.close();
    rmSync(partial, { force: true });
  }
  return statSync(file).size;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const file = process.argv[2];
  if (process.env.DATABASE_URL) {
    console.error(
      'This server uses PostgreSQL: back it up with pg_dump, e.g. pg_dump -Fc "$DATABASE_URL" > setia.dump (restore with pg_restore).',
    );
    process.exit(2);
  }
  if (!file) {
    console.error('Usage: npm run backup -- FILE   (copies DATA_DIR/setia.sqlite to FILE)');
    process.exit(2);
  }
  const dataDir = process.env.DATA_DIR ?? 'data';
  try {
    const bytes = await backupSqlite(dataDir, resolve(file));
    console.log(
      `Backed up ${join(dataDir, 'setia.sqlite')} to ${file} (${bytes.toLocaleString('en')} bytes).`,
    );
  } catch (e) {
    console.error(`Backup failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
