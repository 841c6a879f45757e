/**
 * Whether the app was opened from a Setia server: 'here' (its /api/health
 * answers), 'later' (no connection now: it may be, and the engine will try),
 * or 'none' (another kind of web host: the shop stays on this tablet). Tiny:
 * setup and the counter's banner ask it without loading the sync client.
 */
export type ServerHere = 'here' | 'later' | 'none';

export async function probeServer(): Promise<ServerHere> {
  if (!navigator.onLine) return 'later';
  try {
    const res = await fetch('/api/health', { cache: 'no-store' });
    const body = (await res.json().catch(() => null)) as { ok?: unknown } | null;
    return res.ok && body?.ok === true ? 'here' : 'none';
  } catch {
    return 'later';
  }
}
