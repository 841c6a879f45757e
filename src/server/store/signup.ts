/**
 * Who may register a new shop on this server (SETIA_SIGNUP):
 * - `first` (default): the first shop registers, then registration closes — a
 *   café hosting its own server;
 * - `open`: anyone (a public host; quotas bound each shop);
 * - `token`: a shop registers with a sign-up code the operator hands out, each
 *   good for one shop: made with `npm run signup-code` (stored hashed in the
 *   database, so every server process knows it) or listed in SETIA_SIGNUP_TOKENS.
 * The decision is taken inside the registration's transaction, so two shops
 * registering at once on a `first` server cannot both get in.
 */
import { randomInt } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, Dialect } from './schema';
import { sha256, StoreError } from './store-error';

export type SignupMode = 'first' | 'open' | 'token';

export interface SignupPolicy {
  mode: SignupMode;
  /** Codes from SETIA_SIGNUP_TOKENS (each registers one shop), besides those in the database. */
  tokens?: string[];
}

export function signupFromEnv(env: Record<string, string | undefined>): SignupPolicy {
  const mode = (env.SETIA_SIGNUP || 'first') as SignupMode;
  if (!['first', 'open', 'token'].includes(mode))
    throw new Error(`SETIA_SIGNUP must be first, open or token, got "${env.SETIA_SIGNUP}".`);
  const tokens = (env.SETIA_SIGNUP_TOKENS ?? '')
    .split(',')
    .map(normalCode)
    .filter((t) => t.length > 0);
  if (tokens.some((t) => t.length < 8))
    throw new Error('Each code in SETIA_SIGNUP_TOKENS must be at least 8 letters or digits.');
  return { mode, tokens };
}

/** Codes are read aloud and typed: case, spaces and dashes do not matter. */
const normalCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L
const SIGNUP_LOCK_CLASS = 0x5e7105;

/** A new sign-up code (shown once; the database keeps its hash). */
export async function createSignupCode(db: Kysely<Database>, now: number): Promise<string> {
  const raw = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  const code = `${raw.slice(0, 4).join('')}-${raw.slice(4, 8).join('')}-${raw.slice(8).join('')}`;
  await db
    .insertInto('signup_codes')
    .values({ code_hash: sha256(normalCode(code)), created_at: now, used_at: null, shop_id: null })
    .execute();
  return code;
}

/**
 * Lets the registration of `shopId` go ahead, or refuses it (403 with what to
 * do). Runs in the registration's transaction: a used code is marked used by it.
 */
export async function admitShop(
  trx: Kysely<Database>,
  dialect: Dialect,
  policy: SignupPolicy,
  shopId: string,
  code: string | undefined,
  now: number,
): Promise<void> {
  if (policy.mode === 'open') return;
  if (policy.mode === 'first') {
    // Two first shops at once: the second waits here, then sees the first.
    if (dialect === 'postgres')
      await sql`select pg_advisory_xact_lock(${SIGNUP_LOCK_CLASS}, 0)`.execute(trx);
    const any = await trx.selectFrom('shops').select('id').limit(1).executeTakeFirst();
    if (any)
      throw new StoreError(
        403,
        'signup_closed',
        "This server already hosts its shop and registers no other. To add this tablet to that shop, choose Join and type a pairing code from the owner's tablet. For a new shop, ask the server's operator.",
      );
    return;
  }
  const typed = normalCode(code ?? '');
  if (!typed)
    throw new StoreError(
      403,
      'signup_code_needed',
      "This server registers a new shop only with a sign-up code from its operator. Type the code you were given, or ask the server's operator for one.",
    );
  const hash = sha256(typed);
  const fromEnv = policy.tokens?.includes(typed) ?? false;
  // A code from the environment is recorded when used; one from the database is marked used.
  const taken = fromEnv
    ? await trx
        .insertInto('signup_codes')
        .values({ code_hash: hash, created_at: now, used_at: now, shop_id: shopId })
        .onConflict((oc) => oc.column('code_hash').doNothing())
        .executeTakeFirst()
    : await trx
        .updateTable('signup_codes')
        .set({ used_at: now, shop_id: shopId })
        .where('code_hash', '=', hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
  const n =
    'numInsertedOrUpdatedRows' in taken ? taken.numInsertedOrUpdatedRows : taken.numUpdatedRows;
  if (Number(n ?? 0) === 0)
    throw new StoreError(
      403,
      'bad_signup_code',
      "This sign-up code is not right or was already used for another shop. Check it, or ask the server's operator for a new one.",
    );
}
