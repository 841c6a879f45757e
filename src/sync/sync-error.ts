/** Kept apart from the client so that screens can name it without loading zod. */
/** The server said no (4xx/5xx) with a message, or could not be reached. */
export class SyncError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string,
    /** A 429's wait before the next try, when the server says. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
