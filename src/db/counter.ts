/**
 * The counter's commands: stamp, redeem the card's reward, redeem a catalogue
 * reward, sell the club, undo, enrol. Each is ONE transaction: it reads what
 * its decision needs (issued together), calls the pure decision in
 * src/domain/stamp, and writes the events and the members' stats through
 * db/ledger.ts, all or nothing. A refusal throws LedgerRuleError (PhoneTakenError
 * for a phone already enrolled) and writes nothing.
 *
 * The program's rules are a chunk of their own, loaded here and nowhere else
 * on this path: a shop without a program never loads them, and a caller never
 * needs to know.
 */
import { EMPTY_STATS } from '../domain/balance';
import type { LedgerEvent } from '../domain/ledger';
import type { Member, MemberFields } from '../domain/member';
import { DEFAULT_STAFF_ID, type ShopSettings } from '../domain/shop';
import { decideCardReward, decideCardStamp } from '../domain/stamp/card';
import { refuse, type Decision, type Moment } from '../domain/stamp/decision';
import { decideEnrol } from '../domain/stamp/enrol';
import { decideUndo } from '../domain/stamp/undo';
import type * as ProgramDecisions from '../domain/stamp/with-program';
import type * as ExpiryCode from './expiry';
import { currentStaffId } from './current-staff';
import { newId } from './ids';
import {
  appendAll,
  commitDecision,
  LedgerRuleError,
  memberEvents,
  requireMember,
  WRITE_TABLES,
} from './ledger';
import { lastYearEvents, recentEvents, rewardRedemptions, tabletCalendar } from './member-events';
import { findByPhone, PhoneTakenError } from './members';
import { openOutbox } from './outbox';
import type { SetiaDB } from './schema';
import { getShop } from './settings';

/** When a command runs; who runs it is whoever works this tablet at that moment, unless given. */
export interface CounterContext {
  now: number;
  staffId?: string;
  /** The member came from a verified card code, and may be new to this tablet (stamps only). */
  verifiedCard?: boolean;
  /**
   * Called once the transaction committed, with the member as written: the
   * counter shows the new card at once instead of waiting to read it back.
   */
  onWritten?: (member: Member) => void;
}

/** What the cashier entered beyond the quantity. */
export interface StampOptions {
  /** amount mode: the amount spent. */
  amount?: number;
  /** The cashier passes the cooldown on purpose, and says why. */
  override?: string;
}

type WithProgram = typeof ProgramDecisions;
let withProgram: WithProgram | undefined;

/** The program's decisions, one chunk loaded once: a shop that runs none never loads it. */
async function loadProgram(): Promise<WithProgram> {
  return (withProgram ??= await import('../domain/stamp/with-program'));
}

/** Thrown inside a stamp's transaction (nothing written yet) when the shop's program is not loaded. */
const PROGRAM_NOT_LOADED = new Error('The program’s rules are not loaded yet');

/**
 * The member a referral code belongs to. Codes are the end of member ids, so this
 * walks the members once: enrolling with a referral is rare, stamping is not.
 */
async function findReferrer(
  db: SetiaDB,
  code: string,
  program: WithProgram,
): Promise<Member | undefined> {
  const { cleanReferralCode, REFERRAL_CODE_LENGTH, referralCode } = program;
  const clean = cleanReferralCode(code);
  if (clean.length < REFERRAL_CODE_LENGTH) return undefined;
  return (
    (await db.members.get(clean)) ??
    db.members.filter((m) => referralCode(m.id) === clean.slice(-REFERRAL_CODE_LENGTH)).first()
  );
}

/** What a command's decision is given: the member and the shop, read with whatever else it asked for. */
export interface CommandReads<T> {
  member: Member;
  shop: ShopSettings | undefined;
  more: T;
}

/**
 * One counter command, one transaction: the member, the shop, the device
 * counter, who works here and `more` are read together; `decide` may read more
 * only where it must (a referrer, a limited edition's count) before deciding;
 * the decision's events are written, all or nothing.
 */
export function command<T>(
  db: SetiaDB,
  memberId: string,
  ctx: CounterContext,
  more: () => T | Promise<T>,
  decide: (reads: CommandReads<T>, moment: Moment) => Decision | Promise<Decision>,
  /** Stamps only: a verified card of a member new to this tablet gets a placeholder row. */
  readMember: () => Promise<Member> = () => requireMember(db, memberId),
): Promise<LedgerEvent> {
  return db
    .transaction('rw', WRITE_TABLES(db), async () => {
      const [member, shop, outbox, staffId, extra] = await Promise.all([
        readMember(),
        getShop(db),
        openOutbox(db, ctx.now),
        ctx.staffId ?? currentStaffId(db),
        more(),
      ]);
      const moment = { at: ctx.now, staffId, calendar: tabletCalendar };
      const decision = await decide({ member, shop, more: extra }, moment);
      return commitDecision(db, decision, member, outbox, ctx.now);
    })
    .then(({ event, member }) => {
      ctx.onWritten?.(member);
      return event;
    });
}

/**
 * "Add stamp": the shop's program (if set) decides the stamps (domain/stamp/stamp.ts),
 * the cooldown refuses unless overridden with a reason, and a referred friend's
 * first stamp brings the referrer's bonus in the same transaction.
 */
export async function addStamps(
  db: SetiaDB,
  memberId: string,
  quantity: number,
  ctx: CounterContext,
  options: StampOptions = {},
): Promise<LedgerEvent> {
  if (!withProgram)
    try {
      return await stampWith(undefined, db, memberId, quantity, ctx, options);
    } catch (e) {
      if (e !== PROGRAM_NOT_LOADED) throw e;
    }
  return stampWith(await loadProgram(), db, memberId, quantity, ctx, options);
}

function stampWith(
  program: WithProgram | undefined,
  db: SetiaDB,
  memberId: string,
  quantity: number,
  ctx: CounterContext,
  options: StampOptions,
): Promise<LedgerEvent> {
  return command(
    db,
    memberId,
    ctx,
    // A stamp's time is its reads: the member's year is read with the rest when the program runs.
    () => (program ? lastYearEvents(db, memberId, ctx.now) : []),
    async ({ member, shop, more: events }, moment) => {
      const rules = shop?.program;
      if (!rules) return decideCardStamp(memberId, quantity, moment);
      if (!program) throw PROGRAM_NOT_LOADED;
      // A referred friend's first stamp: the referrer's standing too (rare, so read only then).
      const referrerId = program.referrerToRead(member, rules);
      const referrer = referrerId ? await db.members.get(referrerId) : undefined;
      const standing = referrer
        ? {
            member,
            events,
            referrer: { id: referrer.id, events: await lastYearEvents(db, referrer.id, ctx.now) },
          }
        : { member, events };
      return program.decideStamp(standing, rules, { quantity, ...options }, moment);
    },
    () => requireMember(db, memberId, ctx),
  );
}

type Expiry = typeof ExpiryCode;
let expiryModule: Expiry | undefined;

/**
 * Expiry's code when the shop's stamps expire (loaded before the transaction:
 * a transaction must not wait on a download), else undefined.
 */
async function loadExpiry(db: SetiaDB): Promise<Expiry | undefined> {
  const shop = await getShop(db);
  if (!shop?.expiry || shop.expiry.mode === 'off') return undefined;
  return (expiryModule ??= await import('./expiry'));
}

/** A reward spends the stamps left after expiry: the member's whole ledger is read only then. */
const expiryReads = (db: SetiaDB, memberId: string, expiry: Expiry | undefined) => () =>
  expiry ? memberEvents(db, memberId) : null;

function expired(
  expiry: Expiry | undefined,
  { member, shop, more: events }: CommandReads<LedgerEvent[] | null>,
  now: number,
): Member {
  return expiry && events ? expiry.afterExpiry(member, events, shop, now) : member;
}

/** "Redeem reward": one full card for the shop's reward. */
export async function redeemReward(db: SetiaDB, memberId: string, ctx: CounterContext) {
  const expiry = await loadExpiry(db);
  return command(db, memberId, ctx, expiryReads(db, memberId, expiry), (reads, moment) =>
    reads.shop
      ? decideCardReward(expired(expiry, reads, ctx.now), reads.shop, moment)
      : refuse('shop.missing'),
  );
}

/** A reward from the shop's catalogue; a limited edition stops at its number given. */
export async function redeemCatalogueReward(
  db: SetiaDB,
  memberId: string,
  rewardId: string,
  ctx: CounterContext,
): Promise<LedgerEvent> {
  const [{ decideCatalogueReward, givenCount }, expiry] = await Promise.all([
    loadProgram(),
    loadExpiry(db),
  ]);
  return command(db, memberId, ctx, expiryReads(db, memberId, expiry), async (reads, moment) => {
    const { shop } = reads;
    const limited = shop?.catalogue?.some((r) => r.id === rewardId && r.limit !== null);
    const given = limited ? givenCount(await rewardRedemptions(db, rewardId), rewardId) : 0;
    const member = expired(expiry, reads, ctx.now);
    return decideCatalogueReward(member, shop?.catalogue, { rewardId, given }, moment);
  });
}

/** Sells the shop's club membership; a renewal extends the running one. */
export async function sellClub(
  db: SetiaDB,
  memberId: string,
  ctx: CounterContext,
): Promise<LedgerEvent> {
  const { decideClubSale } = await loadProgram();
  return command(
    db,
    memberId,
    ctx,
    () => lastYearEvents(db, memberId, ctx.now),
    ({ shop, more: events }, moment) => decideClubSale(memberId, events, shop?.club, moment),
  );
}

/** "Undo": reverses the member's newest action if it is recent enough; returns the reversal. */
export function undoLast(db: SetiaDB, memberId: string, ctx: CounterContext) {
  return command(
    db,
    memberId,
    ctx,
    () => recentEvents(db, memberId, ctx.now),
    ({ more: recent }, moment) => decideUndo(recent, moment),
  );
}

export interface EnrollInput {
  fields: MemberFields;
  /** Search keys of the normalised phone (domain/phone.ts). */
  phoneKeys: string[];
  /** A referral code typed at the counter or carried by a friend's link. */
  referralCode?: string;
}

/**
 * "Save member": the member, its change record (what sync sends) and the
 * program's welcome stamps, in one transaction. The form's checks come first
 * (domain/member.ts validateMemberInput).
 */
export async function enrollMember(db: SetiaDB, input: EnrollInput, now: number): Promise<Member> {
  const tables = [db.members, db.memberChanges, db.settings, db.events];
  const code = input.referralCode?.trim();
  const program = code ? await loadProgram() : undefined;
  return db.transaction('rw', tables, async () => {
    const [phoneHolder, referrer, shop, outbox] = await Promise.all([
      input.fields.phone ? findByPhone(db, input.fields.phone) : undefined,
      code && program ? findReferrer(db, code, program) : undefined,
      getShop(db),
      openOutbox(db, now),
    ]);
    const decision = decideEnrol(
      { phoneHolder, referrer },
      shop?.program,
      { memberId: newId(now), ...input },
      { at: now, staffId: DEFAULT_STAFF_ID, calendar: tabletCalendar },
    );
    if ('refused' in decision) {
      if (decision.refused === 'phone.taken')
        throw new PhoneTakenError(String(decision.values.memberId));
      throw new LedgerRuleError(decision.refused, decision.values);
    }
    const hlc = outbox.clock();
    const member: Member = {
      ...decision.member,
      clocks: Object.fromEntries(Object.keys(decision.fields).map((f) => [f, hlc])),
      stats: EMPTY_STATS,
    };
    await db.members.add(member);
    outbox.memberChange({ memberId: member.id, hlc, fields: decision.fields, at: now });
    await outbox.save();
    if (decision.events.length === 0) return member;
    await appendAll(db, member, decision.events, now, outbox);
    return (await db.members.get(member.id)) ?? member;
  });
}
