/** The app's one database connection. Tests make their own SetiaDB instead. */
import { watchDatabase } from './health';
import { SetiaDB } from './schema';

export const db = new SetiaDB();
watchDatabase(db);
