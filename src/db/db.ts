/** The app's one database connection. Tests make their own SetiaDB instead. */
import { watchDatabase } from './health';
import { SetiaDB } from './schema';

export const db = new SetiaDB();
watchDatabase(db);

/**
 * A db function with the app's database already given: what screens call
 * (db/actions.ts, db/owner-actions.ts), since only src/db and src/app hold `db`.
 */
export const onAppDb =
  <A extends unknown[], R>(fn: (database: SetiaDB, ...args: A) => R) =>
  (...args: A): R =>
    fn(db, ...args);
