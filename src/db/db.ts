/** The app's one database connection. Tests make their own SetiaDB instead. */
import { SetiaDB } from './schema';

export const db = new SetiaDB();
