/** Requests to the server app in this process, as a tablet sends them (JSON, its token). */
import type { createServerApp } from '../app';

export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** POST /api<path> with a JSON body and, when given, the device token. */
export function jsonPoster(app: ReturnType<typeof createServerApp>) {
  return async (path: string, json: unknown, token?: string): Promise<Reply> => {
    const res = await app.request(`/api${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(json),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
}
