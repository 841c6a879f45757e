/** Tests' view of a store call that should be refused. */
import { StoreError } from '../store/store-error';

/** What a refused call threw: status, code and message (or the message of any other error). */
export async function refusal(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StoreError) return { status: e.status, code: e.code, message: e.message };
    return { error: (e as Error).message };
  }
  return 'not refused';
}
