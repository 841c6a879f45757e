import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type ProgramRules } from '../domain/stamp/rules';
import { addStamps, enrollMember, redeemCatalogueReward, sellClub } from './counter';
import { recordFeedback } from './feedback';
import { LedgerRuleError, memberEvents } from './ledger';
import type { SetiaDB } from './schema';
import { getShop, updateShop } from './settings';
import { freshDb, memberFields } from './test-db';

// A Friday in March, 10:00 local time.
const T0 = new Date(2026, 2, 20, 10, 0).getTime();
const MIN = 60_000;
let db: SetiaDB;
afterEach(() => db?.close());

const ctx = (dt = 0) => ({ staffId: 'owner', now: T0 + dt });
const rules = (patch: Partial<ProgramRules>): ProgramRules => ({ ...DEFAULT_RULES, ...patch });

async function enroll(name: string, extra: Record<string, unknown> = {}) {
  return enrollMember(
    db,
    { fields: { ...memberFields(name), ...extra }, phoneKeys: [] },
    T0 - 1000,
  );
}

describe('the program at the counter', () => {
  it('records the stamps and the rule lines that granted them', async () => {
    db = await freshDb();
    await updateShop(db, {
      program: rules({
        promotions: [
          {
            id: 'leb',
            name: 'Lebaran',
            multiplier: 2,
            from: '2026-03-18',
            to: '2026-03-24',
            weekdays: [],
          },
        ],
        birthday: { stamps: 1, windowDays: 7 },
      }),
    });
    const m = await enroll('Siti', { birthday: '1990-03-21' });
    const e = await addStamps(db, m.id, 2, ctx());
    expect(e.stamps).toBe(5);
    expect(e.lines).toEqual([
      { rule: 'base', stamps: 2 },
      { rule: 'promo:leb', name: 'Lebaran', stamps: 2, multiplier: 2 },
      { rule: 'birthday', stamps: 1 },
    ]);
    // The birthday bonus comes once a year.
    expect((await addStamps(db, m.id, 1, ctx(MIN))).stamps).toBe(2);
  });

  it('changing the settings never changes past events', async () => {
    db = await freshDb();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        async (quantity, multiplier) => {
          await updateShop(db, { program: rules({}) });
          const m = await enroll('Budi');
          await addStamps(db, m.id, quantity, ctx());
          const before = await memberEvents(db, m.id);
          await updateShop(db, {
            program: rules({
              promotions: [{ id: 'x', name: 'X', multiplier, from: null, to: null, weekdays: [] }],
            }),
          });
          expect(await memberEvents(db, m.id)).toEqual(before);
          expect((await db.members.get(m.id))!.stats.balance).toBe(quantity);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('gives welcome stamps on enrollment', async () => {
    db = await freshDb();
    await updateShop(db, { program: rules({ welcomeStamps: 2 }) });
    const m = await enroll('Ana');
    expect(m.stats.balance).toBe(2);
    expect((await memberEvents(db, m.id))[0]!.lines).toEqual([{ rule: 'welcome', stamps: 2 }]);
  });

  it('a member who joined from their phone: the first stamp and the welcome both count on the card', async () => {
    db = await freshDb();
    // Joined from the poster (the server wrote the member): no welcome at sign-up…
    const m = await enroll('Dewi');
    await db.members.update(m.id, { selfJoined: true });
    // …it comes with the first stamp at the counter.
    await updateShop(db, { program: rules({ welcomeStamps: 2 }) });
    await addStamps(db, m.id, 1, ctx());
    const events = await memberEvents(db, m.id);
    expect(events.map((e) => e.stamps)).toEqual([1, 2]);
    // The card the counter shows (cached stats) holds both, as the ledger does.
    const stored = (await db.members.get(m.id))!;
    expect(stored.stats.balance).toBe(3);
    expect(stored.stats.visits).toBe(1);
  });

  it('the cooldown blocks until an override with a reason', async () => {
    db = await freshDb();
    await updateShop(db, {
      program: rules({ cooldown: { enabled: true, maxStamps: 2, minutes: 60 } }),
    });
    const m = await enroll('Citra');
    await addStamps(db, m.id, 2, ctx());
    await expect(addStamps(db, m.id, 1, ctx(MIN))).rejects.toMatchObject({
      code: 'cooldown.blocked',
    });
    await expect(addStamps(db, m.id, 1, ctx(MIN), { override: '  ' })).rejects.toBeInstanceOf(
      LedgerRuleError,
    );
    const e = await addStamps(db, m.id, 1, ctx(MIN), { override: 'Group of friends' });
    expect(e.override).toEqual({ reason: 'Group of friends' });
    // After the window, no override is needed (and none is recorded).
    expect((await addStamps(db, m.id, 1, ctx(61 * MIN))).override).toBeUndefined();
  });

  it('the cooldown cannot be passed without an override', async () => {
    db = await freshDb();
    await updateShop(db, {
      program: rules({ cooldown: { enabled: true, maxStamps: 3, minutes: 30 } }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            dt: fc.integer({ min: 0, max: 40 * MIN }),
            quantity: fc.integer({ min: 1, max: 3 }),
            reason: fc.option(fc.constantFrom('Party of four', ' '), { nil: undefined }),
          }),
          { maxLength: 12 },
        ),
        async (taps) => {
          const m = await enroll('Lina');
          let at = T0;
          for (const tap of taps) {
            at += tap.dt;
            await addStamps(
              db,
              m.id,
              tap.quantity,
              { staffId: 'owner', now: at },
              {
                override: tap.reason,
              },
            ).catch((e: unknown) => {
              if (!(e instanceof LedgerRuleError) || e.code !== 'cooldown.blocked') throw e;
            });
          }
          // Whatever went in without an override kept every 30 minutes at 3 stamps or fewer.
          const written = await memberEvents(db, m.id);
          for (const e of written) {
            const window = written.filter((w) => w.at > e.at - 30 * MIN && w.at <= e.at);
            const sum = window.reduce((s, w) => s + w.stamps, 0);
            if (sum > 3) expect(window.some((w) => w.override?.reason.trim())).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('earns per amount spent, and refuses a missing or too small amount', async () => {
    db = await freshDb();
    await updateShop(db, {
      program: rules({ earning: { mode: 'amount', stampsPerItem: 1, amountPerStamp: 25_000 } }),
    });
    const m = await enroll('Dewi');
    await expect(addStamps(db, m.id, 1, ctx())).rejects.toMatchObject({ code: 'amount.invalid' });
    await expect(addStamps(db, m.id, 1, ctx(), { amount: 10_000 })).rejects.toMatchObject({
      code: 'amount.tooSmall',
    });
    const e = await addStamps(db, m.id, 1, ctx(), { amount: 80_000 });
    expect([e.stamps, e.amount]).toEqual([3, 80_000]);
  });

  it('gives the referrer a bonus with the friend’s first stamp, once', async () => {
    db = await freshDb();
    await updateShop(db, { program: rules({ referral: { referrerStamps: 3 } }) });
    const referrer = await enroll('Eko');
    const friend = await enroll('Fajar', { referredBy: referrer.id });
    await addStamps(db, friend.id, 1, ctx());
    await addStamps(db, friend.id, 1, ctx(MIN));
    expect((await db.members.get(referrer.id))!.stats.balance).toBe(3);
    const self = await enroll('Gita');
    await db.members.update(self.id, { referredBy: self.id });
    await addStamps(db, self.id, 1, ctx());
    expect((await db.members.get(self.id))!.stats.balance).toBe(1);
  });

  it('redeems catalogue rewards; a limited edition stops at its number', async () => {
    db = await freshDb();
    await updateShop(db, {
      catalogue: [
        { id: 'mug', name: 'Mug', cost: 3, kind: 'merch', limit: 1 },
        { id: 'tree', name: 'Plant a tree', cost: 2, kind: 'donation', limit: null },
      ],
    });
    const a = await enroll('Hana');
    const b = await enroll('Indra');
    await addStamps(db, a.id, 5, ctx());
    await addStamps(db, b.id, 5, ctx());
    const mug = await redeemCatalogueReward(db, a.id, 'mug', ctx(1));
    expect([mug.stamps, mug.rewardKind, mug.rewardName]).toEqual([-3, 'merch', 'Mug']);
    await expect(redeemCatalogueReward(db, b.id, 'mug', ctx(2))).rejects.toMatchObject({
      code: 'reward.soldOut',
    });
    await redeemCatalogueReward(db, b.id, 'tree', ctx(3));
    await redeemCatalogueReward(db, b.id, 'tree', ctx(4));
    await expect(redeemCatalogueReward(db, b.id, 'tree', ctx(5))).rejects.toMatchObject({
      code: 'reward.tooFewStamps',
    });
  });

  it('a club membership multiplies stamps until it lapses', async () => {
    db = await freshDb();
    await updateShop(db, {
      program: rules({}),
      club: { name: 'Kopi Club', price: 50_000, period: 'week', multiplier: 2, perks: '' },
    });
    const m = await enroll('Joko');
    const sale = await sellClub(db, m.id, ctx());
    expect(sale.club!.until).toBe(T0 + 7 * 86_400_000);
    expect((await addStamps(db, m.id, 1, ctx(MIN))).stamps).toBe(2);
    expect((await addStamps(db, m.id, 1, ctx(8 * 86_400_000))).stamps).toBe(1);
  });

  it('feedback: once per visit, the bonus at most once a month', async () => {
    db = await freshDb();
    await updateShop(db, { program: rules({ feedback: { stamps: 1 } }) });
    const m = await enroll('Kiki');
    await expect(recordFeedback(db, m.id, 5, '', ctx())).rejects.toMatchObject({
      code: 'feedback.noVisit',
    });
    await addStamps(db, m.id, 1, ctx());
    expect((await recordFeedback(db, m.id, 5, 'Great', ctx(1))).stamps).toBe(1);
    await expect(recordFeedback(db, m.id, 4, '', ctx(2))).rejects.toMatchObject({
      code: 'feedback.alreadyRated',
    });
    await addStamps(db, m.id, 1, ctx(MIN));
    const again = await recordFeedback(db, m.id, 4, '', ctx(2 * MIN));
    expect([again.stamps, again.rating]).toEqual([0, 4]);
    expect((await getShop(db))!.program!.feedback.stamps).toBe(1);
  });
});
