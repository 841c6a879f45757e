/**
 * The sync engine, loaded after first paint (the counter shows without it):
 * screens start it and ask it for a round through this, never by importing it.
 */
export const loadSync = () => import('./engine');
