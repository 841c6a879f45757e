/** The sync protocol's sizes, apart from its zod schemas so that code can use them without loading zod. */
export const BATCH_MAX = 1000;
export const PULL_PAGE_MAX = 5000;
export const PULL_PAGE_DEFAULT = 1000;
/** Settings changes in one push: one per distinct edit clock, far fewer than the settings. */
export const SETTINGS_BATCH_MAX = 200;
/** A new tablet's snapshot comes in few, large pages (one IndexedDB row per page, not per item). */
export const SNAPSHOT_MEMBERS_MAX = 5000;
export const SNAPSHOT_EVENTS_MAX = 20_000;
