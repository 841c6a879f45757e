/**
 * The customer's card as the server shows it (from a signed card token) and
 * the rating a customer gives their last visit from it.
 */
import type { Kysely } from 'kysely';
import { monotonicFactory } from '../../shared/ulid';
import { EMPTY_STATS, foldLedger } from '../../domain/balance';
import { expiryOn, memberExpiry, shopDayOf } from '../../domain/expiry';
import type { LedgerEvent } from '../../domain/ledger';
import { firstName, type MemberFields } from '../../domain/member';
import { feedbackOutcome } from '../../domain/stamp/feedback';
import { memberStanding } from '../../domain/stamp/standing';
import { verifyCard } from '../../shared/card-link';
import type { CardReply } from '../../shared/sync-protocol';
import { shopSettings } from './devices';
import { takeGap } from './guesses';
import { appendServerItem } from './log-lock';
import type { Database, Dialect } from './schema';
import { StoreError } from './store-error';

/** The device id the server's own events carry (a customer's feedback from their card). */
export const SERVER_DEVICE = 'server';

const newEventId = monotonicFactory();

/** At most one rating try per card in this long: a stuck button cannot flood the server. */
export const RATING_GAP_MS = 5_000;

/**
 * The customer's card for a signed card token: first name, stamps, last visits.
 * Null when the token does not verify with the member's shop key.
 */
export async function card(
  db: Kysely<Database>,
  token: string,
  now = Date.now(),
): Promise<CardReply | null> {
  const found = await cardHolder(db, token);
  if (!found) return null;
  const { fields, shop, events } = found;
  const stats = foldLedger(events, EMPTY_STATS);
  // With expiry on, the card shows what is left after it, and what expires next (same rule as tablets).
  const expiry = expiryOn(shop)
    ? memberExpiry(events, undefined, shop.expiry!, now, shopDayOf(shop, 'UTC'))
    : null;
  return {
    shopName: shop.name,
    firstName: fields.anonymised ? '' : firstName(fields.name ?? '', shop.country),
    stampsPerCard: shop.stampsPerCard,
    rewardName: shop.rewardName,
    balance: expiry ? expiry.balance : stats.balance,
    tier: shop.program ? (memberStanding(shop.program, events, now).tier?.name ?? null) : null,
    recentVisits: stats.recentVisits.map((v) => ({ at: v.at, stamps: v.stamps })),
    ...(expiry ? { expiring: expiry.next, expired: expiry.expired } : {}),
  };
}

/** The shop of a signed card token, for the installed card's name (null when it does not verify). */
export async function cardShop(db: Kysely<Database>, token: string) {
  const memberId = token.split('.')[0] ?? '';
  const member = await db
    .selectFrom('members')
    .select(['shop_id', 'fields'])
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!member) return null;
  const shop = await shopSettings(db, member.shop_id);
  if (!(await verifyCard(token, shop.cardKey)).ok) return null;
  return { member, shop };
}

/** The member, shop and events behind a signed card token (null when it does not verify). */
async function cardHolder(db: Kysely<Database>, token: string) {
  const memberId = token.split('.')[0] ?? '';
  const holder = await cardShop(db, token);
  if (!holder) return null;
  const { member, shop } = holder;
  // A duplicate the owner merged shows the card of the member it was merged into.
  let shownId = memberId;
  let fields = JSON.parse(member.fields) as Partial<MemberFields>;
  for (let hops = 0; fields.mergedInto && hops < 5; hops++) {
    const into = await db
      .selectFrom('members')
      .select('fields')
      .where('id', '=', fields.mergedInto)
      .where('shop_id', '=', member.shop_id)
      .executeTakeFirst();
    if (!into) break;
    shownId = fields.mergedInto;
    fields = JSON.parse(into.fields) as Partial<MemberFields>;
  }
  const rows = await db
    .selectFrom('log')
    .select('body')
    .where('shop_id', '=', member.shop_id)
    .where('member_id', '=', shownId)
    .where('kind', '=', 'event')
    .orderBy('seq')
    .execute();
  const events = rows.map((r) => JSON.parse(r.body) as LedgerEvent);
  return { memberId: shownId, shopId: member.shop_id, fields, shop, events };
}

/**
 * A customer rated their last visit from their card: stored as a ledger event
 * that the shop's tablets pull. Once per visit; the bonus (the shop's rules as
 * the server holds them) at most once a month.
 */
const alreadyRated = () =>
  new StoreError(429, 'already_rated', 'This visit has already been rated. Thank you!');

export async function feedback(
  db: Kysely<Database>,
  dialect: Dialect,
  token: string,
  rating: number,
  comment: string | undefined,
  now: number,
  gapMs = RATING_GAP_MS,
) {
  const found = await cardHolder(db, token);
  if (!found) throw new StoreError(404, 'no_card', 'No card for this link.');
  // Per card, after the token verified (bogus links never touch it), shared by every process.
  const gap = await takeGap(db, `card:${found.memberId}`, now, gapMs);
  if (gap > 0) throw new StoreError(429, 'too_fast', 'One moment, and try again.', gap);
  const outcome = feedbackOutcome(found.shop.program, found.events, rating, now);
  if (outcome === 'feedback.noVisit')
    throw new StoreError(409, 'no_visit', 'There is no visit to rate yet.');
  if (outcome === 'feedback.alreadyRated') throw alreadyRated();
  if (typeof outcome === 'string') throw new StoreError(400, 'bad_rating', 'Rate from 1 to 5.');
  const event: LedgerEvent = {
    id: newEventId(now),
    memberId: found.memberId,
    type: 'bonus',
    stamps: outcome.stamps,
    lines: [{ rule: 'feedback', stamps: outcome.stamps }],
    rating,
    ...(comment?.trim() ? { comment: comment.trim() } : {}),
    at: now,
    deviceId: SERVER_DEVICE,
    staffId: 'customer',
    // Tablets order a device's events by seq; the server's own events go by time.
    seq: now,
  };
  await db.transaction().execute(async (trx) => {
    // The primary key (shop, member, visit) makes it once per visit, whatever runs at once.
    const claimed = await trx
      .insertInto('ratings')
      .values({ shop_id: found.shopId, member_id: found.memberId, visit_id: outcome.visitId })
      .onConflict((oc) => oc.columns(['shop_id', 'member_id', 'visit_id']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) throw alreadyRated();
    await appendServerItem(trx, dialect, {
      shop_id: found.shopId,
      id: event.id,
      kind: 'event',
      member_id: event.memberId,
      body: JSON.stringify(event),
    });
  });
}
