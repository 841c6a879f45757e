/** What the store's modules share: the refusal they throw and who is asking. */
import { createHash } from 'node:crypto';

/** A request the store refuses; the route turns it into a 4xx with this message. */
export class StoreError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 429,
    readonly code: string,
    message: string,
    /** For a 429: how long until a try is checked again (sent as Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface DeviceAuth {
  deviceId: string;
  shopId: string;
  /** Missing only for callers that predate roles (the benchmark's direct store use). */
  role?: 'owner' | 'counter';
  /** The local id the device's events carried before it paired, once bound. */
  legacyId?: string | null;
  /** Acts with the owner's authority in this request (owner device, or a live owner session). */
  owner?: boolean;
  /** The server's time for this request (clock bounds). */
  now?: number;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
