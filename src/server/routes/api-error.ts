/**
 * What every route module shares: the context type, the refusal it throws
 * (answered as 4xx { error, message }) and reading a body against its schema.
 * Kept apart from api.ts so route modules can import it without a cycle.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { DeviceAuth, SignupPolicy, Store } from '../store/store';

export type Env = {
  Variables: {
    /** The device the request's token belongs to (set by requireDevice). */
    auth: DeviceAuth;
    store: Store;
    /** The server's clock (tests move it). */
    clock: () => number;
    /** Socket addresses of the proxies named in TRUST_PROXY. */
    trustProxy: readonly string[];
    /** Who may register a shop (SETIA_SIGNUP). */
    signup: SignupPolicy;
  };
};

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429,
    readonly code: string,
    message: string,
    /** For a 429: how long until a try is checked again. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new ApiError(400, 'bad_json', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ApiError(400, 'invalid', `The request is not valid${where}: ${issue?.message}.`);
  }
  return parsed.data;
}
