/**
 * The store at its edges, called the way the routes call it: what a card shows
 * (merged members, anonymised, tiers, expiry), ratings, pairing codes as typed,
 * revoking, the per-key pauses, the log's pages and head, usage and quotas,
 * what a push may carry, owner sessions, snapshots, joining from a phone, and
 * opening the database itself. SQLite always; PostgreSQL when TEST_DATABASE_URL is set.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  SqliteDialect,
  sql,
  type KyselyPlugin,
  type RootOperationNode,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hlcToString } from '../../domain/hlc';
import type { LedgerEvent } from '../../domain/ledger';
import type { MemberFields } from '../../domain/member';
import type { ShopSettings } from '../../domain/shop';
import { DEFAULT_RULES } from '../../domain/stamp/rules';
import { claimCode, signCard } from '../../shared/card-link';
import { SELF_JOIN_PER_SHOP } from '../../shared/self-join';
import type { MemberChangeWire, PushRequest, SettingsChangeWire } from '../../shared/sync-protocol';
import { testShop } from '../../shared/test-shop';
import { backends, dropBackend } from '../test-backends';
import { refusal } from '../testing/refusal';
import { stampEvent, uid } from '../testing/events';
import { connect, type StoreOptions } from './connect';
import { takeGap, takeTry } from './guesses';
import { push as pushToLog } from './log';
import { takeShopLogLock } from './log-lock';
import { openOwnerSession, touchOwnerSession } from './owner-sessions';
import { SEQ_MAX } from './push-checks';
import { migrations, type Database } from './schema';
import { claimCard, joinInfo, selfJoin } from './self-join';
import { snapshotEventsJson, snapshotMembers } from './snapshot';
import { chunks, sha256 } from './store-error';
import { Store, type DeviceAuth } from './store';

const T = 1_750_000_000_000; // 2025-06-15T15:06:40Z
const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function change(
  memberId: string,
  deviceId: string,
  seq: number,
  at: number,
  fields: Partial<MemberFields>,
): MemberChangeWire {
  return {
    id: uid('MC'),
    memberId,
    deviceId,
    seq,
    hlc: hlcToString({ millis: at, counter: 0, node: deviceId }),
    fields: fields as MemberChangeWire['fields'],
    at,
  };
}

const push = (events: LedgerEvent[], memberChanges: MemberChangeWire[] = []): PushRequest => ({
  events,
  memberChanges,
});

describe.each(backends())('the store at its edges on %s', (name, options) => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(options);
  });
  afterAll(async () => {
    await store.close();
    await dropBackend(options);
  });

  /** A registered shop and its owner device's auth (server time T). */
  async function ownerOf(overrides: Partial<ShopSettings> = {}) {
    const shop = await testShop(overrides);
    const grant = await store.registerShop(shop, 'Owner tablet', T, { policy: { mode: 'open' } });
    const auth = (await store.authenticate(grant.token))!;
    return { shop, grant, auth: { ...auth, now: T } as DeviceAuth };
  }

  /** A counter tablet paired to the shop. */
  async function counterOf(shopId: string) {
    const { code } = await store.createPairingCode(shopId, T);
    const grant = (await store.join(code, 'Counter', T))!;
    return { ...(await store.authenticate(grant.token))!, now: T } as DeviceAuth;
  }

  const usage = (shopId: string) =>
    store.db
      .selectFrom('shop_usage')
      .select(['day', 'day_events', 'stored_bytes'])
      .where('shop_id', '=', shopId)
      .execute()
      .then((rows) =>
        rows.map((r) => ({
          day: r.day,
          events: Number(r.day_events),
          bytes: Number(r.stored_bytes),
        })),
      );

  // ---- cards.ts ----

  it('a card shows the first name (none without a name or once anonymised), the visits and the tier or null', async () => {
    const gold = { id: 'T1', name: 'Gold', basis: 'visits' as const, threshold: 2, multiplier: 2 };
    const { shop, auth } = await ownerOf({ program: { ...DEFAULT_RULES, tiers: [gold] } });
    const [named, unnamed, gone] = [uid('MEMA'), uid('MEMB'), uid('MEMC')];
    const d = auth.deviceId;
    await store.push(
      auth,
      push(
        [
          stampEvent(named, d, 1, T - 2000),
          stampEvent(named, d, 2, T - 1000, { stamps: 2 }),
          stampEvent(unnamed, d, 3, T - 500),
          stampEvent(gone, d, 4, T - 400),
        ],
        [
          change(named, d, 5, T - 300, { name: 'Siti Rahma' }),
          change(gone, d, 6, T - 200, { name: 'Budi Santoso', anonymised: true }),
        ],
      ),
    );
    const card = async (m: string) => store.card(await signCard(m, shop.cardKey), T);
    expect(await card(named)).toEqual({
      shopName: 'Kopi Kita',
      firstName: 'Siti',
      stampsPerCard: 10,
      rewardName: 'Free coffee',
      balance: 3,
      tier: 'Gold',
      recentVisits: [
        { at: T - 1000, stamps: 2 },
        { at: T - 2000, stamps: 1 },
      ],
    });
    expect(await card(unnamed)).toMatchObject({ firstName: '', tier: null, balance: 1 });
    expect((await card(gone))?.firstName).toBe('');
  });

  it('a card with expiry on shows what is left after it and what expired', async () => {
    const { shop, auth } = await ownerOf({
      expiry: { mode: 'lastVisit', months: 1, since: '2020-01-01' },
    });
    const member = uid('MEMX');
    await store.push(auth, push([stampEvent(member, auth.deviceId, 1, T - 60 * DAY)]));
    const reply = await store.card(await signCard(member, shop.cardKey), T);
    expect(reply).toMatchObject({ balance: 0, expired: 1, expiring: null });
  });

  it('a merged card follows at most five merges, and stays put when the target is not in the shop', async () => {
    const { shop, auth } = await ownerOf();
    const names = ['Ani', 'Budi', 'Cici', 'Dedi', 'Eka', 'Fajar', 'Gita'];
    const ids = names.map(() => uid('MEMM'));
    const stray = uid('MEMS');
    const other = await ownerOf();
    const elsewhere = uid('MEMO');
    await store.push(other.auth, push([stampEvent(elsewhere, other.auth.deviceId, 1, T - 5000)]));
    const d = auth.deviceId;
    await store.push(
      auth,
      push(
        [
          ...ids.map((m, i) => stampEvent(m, d, i + 1, T - 5000 + i)),
          stampEvent(stray, d, 20, T - 100),
        ],
        [
          ...ids.map((m, i) =>
            change(m, d, 30 + i, T - 1000, {
              name: names[i],
              ...(i < ids.length - 1 ? { mergedInto: ids[i + 1] } : {}),
            }),
          ),
          change(stray, d, 50, T - 1000, { name: 'Hana', mergedInto: elsewhere }),
        ],
      ),
    );
    const firstName = async (m: string) =>
      (await store.card(await signCard(m, shop.cardKey), T))?.firstName;
    expect(await firstName(ids[0]!)).toBe('Fajar');
    expect(await firstName(ids[5]!)).toBe('Gita');
    expect(await firstName(stray)).toBe('Hana');
  });

  it('a rating is stored as the server’s bonus event, trimmed; refusals say why', async () => {
    const { shop, auth } = await ownerOf({
      program: { ...DEFAULT_RULES, feedback: { stamps: 1 } },
    });
    const [a, b, c] = [uid('MEMR'), uid('MEMR'), uid('MEMR')];
    const [la, lb, lc] = (await Promise.all([a, b, c].map((m) => signCard(m, shop.cardKey)))) as [
      string,
      string,
      string,
    ];
    const now = T + 10 * DAY;
    const d = auth.deviceId;
    // a and c have visited; b is a member with no visit yet.
    await store.push(
      auth,
      push(
        [stampEvent(a, d, 1, T), stampEvent(c, d, 2, T)],
        [change(b, d, 3, T, { name: 'Budi' })],
      ),
    );
    expect(
      await refusal(store.feedback(`${uid('NOBODY')}.${'A'.repeat(22)}`, 5, undefined, now)),
    ).toEqual({
      status: 404,
      code: 'no_card',
      message: 'No card for this link.',
    });
    expect(await refusal(store.feedback(la, 9, undefined, now))).toEqual({
      status: 400,
      code: 'bad_rating',
      message: 'Rate from 1 to 5.',
    });
    expect(await refusal(store.feedback(lb, 5, undefined, now + 60_000))).toEqual({
      status: 409,
      code: 'no_visit',
      message: 'There is no visit to rate yet.',
    });
    await store.push(auth, push([stampEvent(b, d, 4, T)]));
    const later = now + 120_000;
    await store.feedback(la, 5, '  Lovely  ', later);
    // Another card at the same moment has a pause of its own.
    await store.feedback(lb, 4, '   ', later);
    expect(await refusal(store.feedback(la, 5, undefined, later + 1000))).toEqual({
      status: 429,
      code: 'too_fast',
      message: 'One moment, and try again.',
    });
    expect(await refusal(store.feedback(la, 5, undefined, later + 10_000))).toEqual({
      status: 429,
      code: 'already_rated',
      message: 'This visit has already been rated. Thank you!',
    });
    const pulled = await store.pull(shop.shopId, 0, 100);
    const ratings = pulled.items
      .filter((i) => i.kind === 'event' && i.event.rating !== undefined)
      .map((i) => (i.kind === 'event' ? i.event : null));
    expect(ratings).toEqual([
      {
        id: expect.any(String),
        memberId: a,
        type: 'bonus',
        stamps: 1,
        lines: [{ rule: 'feedback', stamps: 1 }],
        rating: 5,
        comment: 'Lovely',
        at: later,
        deviceId: 'server',
        staffId: 'customer',
        seq: later,
      },
      {
        id: expect.any(String),
        memberId: b,
        type: 'bonus',
        stamps: 1,
        lines: [{ rule: 'feedback', stamps: 1 }],
        rating: 4,
        at: later,
        deviceId: 'server',
        staffId: 'customer',
        seq: later,
      },
    ]);
    // Another process claimed c's visit a moment ago: the database's claim decides.
    const visit = pulled.items.find((i) => i.kind === 'event' && i.event.memberId === c);
    await store.db
      .insertInto('ratings')
      .values({
        shop_id: shop.shopId,
        member_id: c,
        visit_id: visit?.kind === 'event' ? visit.event.id : '',
      })
      .execute();
    expect(await refusal(store.feedback(lc, 5, undefined, later))).toMatchObject({
      code: 'already_rated',
    });
    const after = await store.pull(shop.shopId, 0, 100);
    expect(after.items).toHaveLength(pulled.items.length);
  });

  // ---- devices.ts ----

  it('a shop registers once; a pairing code works as typed with dashes and spaces, up to its last millisecond', async () => {
    const { shop } = await ownerOf();
    expect(
      await refusal(store.registerShop(shop, 'Again', T, { policy: { mode: 'open' } })),
    ).toEqual({
      status: 409,
      code: 'shop_exists',
      message:
        'This shop is already registered. Join it with a pairing code from the owner screen.',
    });
    const first = await store.createPairingCode(shop.shopId, T);
    const typed = ` ${first.code.slice(0, 4).toLowerCase()}-${first.code.slice(4)} `;
    const grant = await store.join(typed, 'Counter 2', T);
    // Made without saying a role: a counter tablet.
    expect(grant?.role).toBe('counter');
    const last = await store.createPairingCode(shop.shopId, T);
    expect(last.expiresAt).toBe(T + 600_000);
    expect((await store.join(last.code, 'Counter 3', T + 600_000))?.role).toBe('counter');
  });

  it('revoking says whether it revoked: once, never an unknown device', async () => {
    const { shop } = await ownerOf();
    const { code } = await store.createPairingCode(shop.shopId, T);
    const grant = (await store.join(code, 'Counter', T))!;
    expect(await store.revoke(shop.shopId, grant.deviceId, T + 1)).toBe(true);
    expect(await store.revoke(shop.shopId, grant.deviceId, T + 2)).toBe(false);
    expect(await store.revoke(shop.shopId, 'nosuchdevice', T + 3)).toBe(false);
    expect(await store.authenticate(grant.token)).toBeNull();
  });

  // ---- guesses.ts ----

  it('a per-key pause answers with the milliseconds left, and lets the next try through once over', async () => {
    const key = `test:${uid('GAP')}`;
    expect(await takeGap(store.db, key, T, 5000)).toBe(0);
    expect(await takeGap(store.db, key, T + 1000, 5000)).toBe(4000);
    expect(await takeGap(store.db, key, T + 4999, 5000)).toBe(1);
    expect(await takeGap(store.db, key, T + 5000, 5000)).toBe(0);
  });

  it('a try that keeps losing the compare-and-set gives up with a one-second wait', async () => {
    // Every update misses, as if another request changed the count each time.
    const loses: KyselyPlugin = {
      transformQuery: ({ node }): RootOperationNode =>
        node.kind === 'UpdateQueryNode'
          ? store.db
              .updateTable('guesses')
              .set({ fails: 0 })
              .where(sql<boolean>`1 = 0`)
              .toOperationNode()
          : node,
      transformResult: ({ result }) => Promise.resolve(result),
    };
    const key = `test:${uid('TRY')}`;
    expect(await takeTry(store.db.withPlugin(loses), key, T)).toBe(1000);
    expect(await takeTry(store.db, key, T)).toBe(0);
  });

  // ---- log.ts ----

  it('a push naming another shop’s member is refused whole', async () => {
    const a = await ownerOf();
    const b = await ownerOf();
    const member = uid('MEMF');
    await store.push(a.auth, push([stampEvent(member, a.auth.deviceId, 1, T - 10)]));
    expect(
      await refusal(store.push(b.auth, push([stampEvent(member, b.auth.deviceId, 1, T - 10)]))),
    ).toEqual({
      status: 403,
      code: 'foreign_member',
      message: 'This push names a member of another shop; nothing was stored.',
    });
    expect((await store.pull(b.shop.shopId, 0, 10)).items).toEqual([]);
  });

  it('usage counts each stored event and byte once: a retry overlapping new items, a member change alone, nothing at all', async () => {
    const { shop, auth } = await ownerOf();
    const member = uid('MEMU');
    const d = auth.deviceId;
    await store.push(auth, push([]));
    expect(await usage(shop.shopId)).toEqual([]);
    const e1 = stampEvent(member, d, 1, T - 100);
    const e2 = stampEvent(member, d, 2, T - 50);
    const c1 = change(member, d, 3, T - 40, { name: 'Siti' });
    await store.push(auth, push([e1]), T);
    await store.push(auth, push([e1, e2]), T + 60_000);
    const [b1, b2, b3] = [e1, e2, c1].map((x) => JSON.stringify(x).length);
    expect(await usage(shop.shopId)).toEqual([{ day: '2025-06-15', events: 2, bytes: b1! + b2! }]);
    await store.push(auth, push([], [c1]), T + 120_000);
    expect(await usage(shop.shopId)).toEqual([
      { day: '2025-06-15', events: 2, bytes: b1! + b2! + b3! },
    ]);
    const e3 = stampEvent(member, d, 4, T + 1000);
    const c2 = change(member, d, 5, T + 1000, { name: 'Siti Rahma' });
    await store.push(auth, push([e3], [c2]), T + 180_000);
    expect((await usage(shop.shopId))[0]?.events).toBe(3);
  });

  it('a settings edit is logged with no member', async () => {
    const { shop, auth } = await ownerOf();
    const settings: SettingsChangeWire = {
      hlc: hlcToString({ millis: T - 10, counter: 0, node: auth.deviceId }),
      fields: { name: 'Kopi Kita 2' },
    } as SettingsChangeWire;
    await store.push(auth, { events: [], memberChanges: [], settings: [settings] });
    const rows = await store.db
      .selectFrom('log')
      .select(['kind', 'member_id', 'id'])
      .where('shop_id', '=', shop.shopId)
      .execute();
    expect(rows).toEqual([{ kind: 'settings', member_id: '', id: settings.hlc }]);
    expect((await store.shop(shop.shopId)).name).toBe('Kopi Kita 2');
  });

  it('pulls in pages: at most the limit, more only when more, the head always the shop’s last', async () => {
    const { shop, auth } = await ownerOf();
    const member = uid('MEMP');
    const d = auth.deviceId;
    await store.push(auth, push([1, 2, 3].map((s) => stampEvent(member, d, s, T - 100 + s))));
    const all = await store.pull(shop.shopId, 0, 100);
    const seqs = all.items.map((i) => i.seq);
    expect(seqs).toHaveLength(3);
    const two = await store.pull(shop.shopId, 0, 2);
    expect(two.items.map((i) => i.seq)).toEqual(seqs.slice(0, 2));
    expect([two.cursor, two.more, two.server?.head]).toEqual([seqs[1], true, seqs[2]]);
    const one = await store.pull(shop.shopId, 0, 1);
    expect([one.cursor, one.more, one.server?.head]).toEqual([seqs[0], true, seqs[2]]);
    const exact = await store.pull(shop.shopId, 0, 3);
    expect([exact.items.length, exact.cursor, exact.more, exact.server?.head]).toEqual([
      3,
      seqs[2],
      false,
      seqs[2],
    ]);
    // A tablet that knew a larger server (a restore): nothing, and the real head.
    const beyond = await store.pull(shop.shopId, seqs[2]! + 1000, 10);
    expect([beyond.items, beyond.more, beyond.server?.head]).toEqual([[], false, seqs[2]]);
  });

  // ---- quota.ts ----

  it('a shop may store exactly its quota of bytes, not one more; the refusal names the quota in MB', async () => {
    const { shop, auth } = await ownerOf();
    const member = uid('MEMQ');
    const d = auth.deviceId;
    const e1 = stampEvent(member, d, 1, T - 100);
    const bytes = JSON.stringify(e1).length;
    const limited = (storedBytes: number, request: PushRequest) =>
      pushToLog(store.db, store.dialect, auth, request, { eventsPerDay: 0, storedBytes }, T);
    await limited(bytes, push([e1]));
    expect(await refusal(limited(bytes, push([stampEvent(member, d, 2, T - 50)])))).toMatchObject({
      status: 429,
      code: 'quota_stored_bytes',
    });
    const big = stampEvent(member, d, 3, T - 40, { comment: 'x'.repeat(1_100_000) });
    expect(await refusal(limited(1024 * 1024, push([big])))).toEqual({
      status: 429,
      code: 'quota_stored_bytes',
      message:
        "This shop has used its 1 MB of storage on this server; nothing of this push was stored. The tablet keeps its events. Ask the server's operator for more room (SETIA_QUOTA_STORED_MB).",
    });
    expect(await usage(shop.shopId)).toEqual([{ day: '2025-06-15', events: 1, bytes }]);
  });

  // ---- owner-sessions.ts ----

  it('opening an owner session keeps other devices’ live sessions', async () => {
    const { shop, auth } = await ownerOf();
    const counter = await counterOf(shop.shopId);
    const first = await openOwnerSession(store.db, counter, T);
    await openOwnerSession(store.db, auth, T + 60_000);
    expect(await touchOwnerSession(store.db, counter, first, T + 120_000)).toBe(true);
  });

  // ---- push-checks.ts ----

  it('a push must be the device’s own: refusals say which rule, and a stale bind is refused', async () => {
    const { shop, auth } = await ownerOf();
    const member = uid('MEMD');
    const d = auth.deviceId;
    expect(
      await refusal(
        store.push(
          auth,
          push([
            stampEvent(member, 'OTHERONE', 1, T - 10),
            stampEvent(member, 'OTHERTWO', 2, T - 9),
          ]),
        ),
      ),
    ).toEqual({
      status: 403,
      code: 'wrong_device',
      message:
        'This push carries another device’s id; nothing was stored. Each tablet pushes only its own.',
    });
    // A caller without a role (one that predates roles) never binds an id.
    const roleless: DeviceAuth = { deviceId: d, shopId: shop.shopId, now: T };
    expect(
      await refusal(store.push(roleless, push([stampEvent(member, 'LEGACYONE', 1, T - 10)]))),
    ).toMatchObject({ code: 'wrong_device' });
    expect(
      await refusal(store.push(auth, push([stampEvent(member, 'server', 1, T - 10)]))),
    ).toEqual({
      status: 403,
      code: 'server_only',
      message:
        'A customer’s rating from their card is written by the server only; nothing was stored.',
    });
    // The auth was read before the first bind (two pushes at once): the second id is refused.
    await store.push(auth, push([stampEvent(member, 'LEGACYONE', 1, T - 10)]));
    expect(
      await refusal(store.push(auth, push([stampEvent(member, 'LEGACYTWO', 1, T - 10)]))),
    ).toMatchObject({ status: 403, code: 'wrong_device' });
    const row = await store.db
      .selectFrom('devices')
      .select('legacy_id')
      .where('id', '=', d)
      .executeTakeFirstOrThrow();
    expect(row.legacy_id).toBe('LEGACYONE');
  });

  it(`sequence numbers go from 1 to ${SEQ_MAX}`, async () => {
    const { auth } = await ownerOf();
    const member = uid('MEMN');
    const d = auth.deviceId;
    await store.push(auth, push([stampEvent(member, d, SEQ_MAX, T - 10)]));
    expect(
      await refusal(store.push(auth, push([stampEvent(member, d, SEQ_MAX + 1, T - 9)]))),
    ).toEqual({
      status: 400,
      code: 'bad_seq',
      message: 'seq must be from 1 to 10000000; nothing was stored.',
    });
    // The wire schema refuses 0 too, but the store does not lean on the route having checked.
    expect(await refusal(store.push(auth, push([stampEvent(member, d, 0, T - 8)])))).toEqual({
      status: 400,
      code: 'bad_seq',
      message: 'seq must be from 1 to 10000000; nothing was stored.',
    });
  });

  it('settings come only with the owner’s authority, and no clock far ahead', async () => {
    const { shop, auth } = await ownerOf();
    const counter = await counterOf(shop.shopId);
    const edit = (deviceId: string, millis: number, name: string) =>
      ({
        events: [],
        memberChanges: [],
        settings: [
          {
            hlc: hlcToString({ millis, counter: 0, node: deviceId }),
            fields: { name },
          } as SettingsChangeWire,
        ],
      }) satisfies PushRequest;
    expect(await refusal(store.push(counter, edit(counter.deviceId, T - 5, 'Counter')))).toEqual({
      status: 403,
      code: 'owner_only',
      message:
        'Only the owner can change the shop’s settings. Unlock the owner area on this tablet first.',
    });
    await store.push(auth, edit(auth.deviceId, T - 4, 'By the owner'));
    expect((await store.shop(shop.shopId)).name).toBe('By the owner');
    await store.push({ ...counter, owner: true }, edit(counter.deviceId, T - 3, 'Owner session'));
    expect((await store.shop(shop.shopId)).name).toBe('Owner session');
    expect(await refusal(store.push(auth, edit(auth.deviceId, T + 10 * 60_000, 'Ahead')))).toEqual({
      status: 400,
      code: 'clock_ahead',
      message:
        'An edit is stamped more than 5 minutes ahead of the server’s time; set this tablet’s clock right. Nothing was stored.',
    });
  });

  it('events are made by staff the shop has, or adds in the same push', async () => {
    const { auth } = await ownerOf();
    const member = uid('MEMT');
    const d = auth.deviceId;
    const staff = { id: 'STAFFONE', name: 'Rina', pin: 'x', active: true, createdAt: T };
    await store.push(auth, {
      events: [stampEvent(member, d, 1, T - 10, { staffId: 'STAFFONE' })],
      memberChanges: [],
      settings: [
        {
          hlc: hlcToString({ millis: T - 20, counter: 0, node: d }),
          fields: { staff: [staff] },
        } as unknown as SettingsChangeWire,
      ],
    });
    await store.push(auth, push([stampEvent(member, d, 2, T - 5, { staffId: 'STAFFONE' })]));
    const stranger = 'X'.repeat(50);
    expect(
      await refusal(
        store.push(auth, push([stampEvent(member, d, 3, T - 4, { staffId: stranger })])),
      ),
    ).toEqual({
      status: 403,
      code: 'unknown_staff',
      message: `This push names staff "${'X'.repeat(40)}" the shop does not have; nothing was stored.`,
    });
  });

  // ---- snapshot.ts ----

  it('a snapshot pages members and events: exactly the limit is no more, later members wait for the pull', async () => {
    const { shop, auth } = await ownerOf();
    const d = auth.deviceId;
    const [m1, m2] = ['MEMSNAPA' + uid(''), 'MEMSNAPB' + uid('')];
    await store.push(
      auth,
      push([
        stampEvent(m1, d, 1, T - 2000),
        stampEvent(m1, d, 2, T - 1000),
        stampEvent(m2, d, 3, T - 900),
      ]),
    );
    const at = (await store.pull(shop.shopId, 0, 100)).server?.head ?? 0;
    await store.push(auth, push([stampEvent('MEMSNAPC' + uid(''), d, 4, T - 800)]));
    const page = await snapshotMembers(store.db, shop.shopId, at, '', 3);
    expect(page.more).toBe(false);
    expect(page.members.map((m) => [m.id, m.joinedAt])).toEqual([
      [m1, T - 2000],
      [m2, T - 900],
    ]);
    expect((await snapshotMembers(store.db, shop.shopId, at, '', 2)).more).toBe(true);
    expect(await snapshotMembers(store.db, shop.shopId, at, 'ZZZZ', 2)).toEqual({
      members: [],
      more: false,
    });
    const events = JSON.parse(await snapshotEventsJson(store.db, shop.shopId, at, 0, 2)) as {
      events: LedgerEvent[];
      after: number;
      more: boolean;
    };
    expect([events.events.map((e) => e.seq), events.more]).toEqual([[1, 2], true]);
    const exact = JSON.parse(await snapshotEventsJson(store.db, shop.shopId, at, 0, 3)) as {
      events: LedgerEvent[];
      after: number;
      more: boolean;
    };
    expect([exact.events.length, exact.after, exact.more]).toEqual([3, at, false]);
  });

  it('a snapshot page never comes back empty while saying more follow, however many joined after it', async () => {
    const { shop, auth } = await ownerOf();
    const d = auth.deviceId;
    const tag = uid('');
    const [first, last] = [`MEMGAPA${tag}`, `MEMGAPZ${tag}`];
    await store.push(
      auth,
      push([stampEvent(first, d, 1, T - 2000), stampEvent(last, d, 2, T - 1900)]),
    );
    const at = (await store.pull(shop.shopId, 0, 100)).server?.head ?? 0;
    // Five members who joined after the snapshot, sorting between its two.
    await store.push(
      auth,
      push([1, 2, 3, 4, 5].map((i) => stampEvent(`MEMGAPM${i}${tag}`, d, 2 + i, T - 1000 + i))),
    );
    for (const limit of [1, 2, 5]) {
      // Read as a joining tablet does: on from the last member a page gave.
      const seen: string[] = [];
      let after = `MEMGAP${tag}`.slice(0, 6);
      for (let pages = 0, more = true; more; pages++) {
        expect(pages, `limit ${limit}`).toBeLessThan(10);
        const page = await snapshotMembers(store.db, shop.shopId, at, after, limit);
        if (page.more) expect(page.members.length, `limit ${limit}`).toBeGreaterThan(0);
        seen.push(...page.members.map((m) => m.id).filter((id) => id.endsWith(tag)));
        after = page.members.at(-1)?.id ?? after;
        more = page.more;
      }
      expect(seen, `limit ${limit}`).toEqual([first, last]);
    }
  });

  // ---- self-join.ts ----

  it('joining from a phone: refusals say why, a birthday is trimmed, the server’s clocks hold', async () => {
    const { shop, auth } = await ownerOf();
    const id = shop.shopId;
    const req = (phone: string, extra = {}) => ({
      name: 'Siti Rahma',
      phone,
      birthday: ' 1990-05-17 ',
      marketingConsent: false,
      ...extra,
    });
    expect(await refusal(joinInfo(store.db, 'NOSUCHSHOP'))).toEqual({
      status: 404,
      code: 'no_shop',
      message: 'This shop is not on this server. Ask at the counter.',
    });
    const noName = await selfJoin(
      store.db,
      store.dialect,
      id,
      req('0812 3456 7001', { name: ' ' }),
      'a',
      T,
    ).catch((e: unknown) => e);
    expect(noName).toMatchObject({
      status: 400,
      code: 'invalid_member',
      message: 'Check the form: a name and a valid phone number are needed.',
      fields: { name: expect.any(String) },
    });
    const { cardToken } = await selfJoin(
      store.db,
      store.dialect,
      id,
      req('0812 3456 7001'),
      'a',
      T,
    );
    const memberId = cardToken.split('.')[0]!;
    expect(
      await refusal(selfJoin(store.db, store.dialect, id, req('0812 3456 7001'), 'b', T)),
    ).toEqual({
      status: 409,
      code: 'already_member',
      message: 'You are already a member: ask at the counter to open your card on this phone.',
    });
    const row = await store.db
      .selectFrom('members')
      .select('fields')
      .where('id', '=', memberId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.fields)).toMatchObject({ birthday: '1990-05-17', name: 'Siti Rahma' });
    const logged = await store.db
      .selectFrom('log')
      .select(['kind', 'member_id'])
      .where('shop_id', '=', id)
      .execute();
    expect(logged).toEqual([{ kind: 'member', member_id: memberId }]);
    // A tablet's edit made before the join (an older clock) does not overwrite it.
    await store.push(
      auth,
      push([], [change(memberId, auth.deviceId, 1, T - 60_000, { name: 'Old Name' })]),
    );
    expect((await store.card(cardToken, T))?.firstName).toBe('Siti');

    const closed = await ownerOf({ selfJoin: false });
    expect(
      await refusal(
        selfJoin(store.db, store.dialect, closed.shop.shopId, req('0812 3456 7002'), 'a', T),
      ),
    ).toEqual({
      status: 403,
      code: 'self_join_off',
      message: 'This shop takes new members at the counter only. Ask the cashier.',
    });
  });

  it(`a shop takes ${SELF_JOIN_PER_SHOP} joins an hour, then says to wait`, async () => {
    const { shop } = await ownerOf();
    for (let i = 0; i < SELF_JOIN_PER_SHOP; i++)
      await selfJoin(
        store.db,
        store.dialect,
        shop.shopId,
        { name: 'Siti Rahma', phone: `0813 4000 ${String(1000 + i)}`, marketingConsent: false },
        `address ${i}`,
        T + i,
      );
    expect(
      await refusal(
        selfJoin(
          store.db,
          store.dialect,
          shop.shopId,
          { name: 'Siti Rahma', phone: '0813 4000 2000', marketingConsent: false },
          'address new',
          T + 100,
        ),
      ),
    ).toEqual({
      status: 429,
      code: 'too_many_joins',
      message: 'Too many sign-ups from here just now. Ask at the counter, or try again in an hour.',
    });
  });

  it('claiming a card: a bad phone, wrong codes counted per phone, the wait in seconds', async () => {
    const { shop } = await ownerOf();
    const id = shop.shopId;
    const a = '0814 5000 1001';
    const b = '0814 5000 1002';
    const { cardToken } = await selfJoin(
      store.db,
      store.dialect,
      id,
      { name: 'Ani', phone: a, marketingConsent: false },
      'x',
      T,
    );
    const { cardToken: tokenB } = await selfJoin(
      store.db,
      store.dialect,
      id,
      { name: 'Budi', phone: b, marketingConsent: false },
      'y',
      T,
    );
    expect(await refusal(claimCard(store.db, id, { phone: 'abc', code: '123456' }, T))).toEqual({
      status: 400,
      code: 'invalid_phone',
      message: 'Enter the phone number you joined with.',
    });
    const memberA = cardToken.split('.')[0]!;
    const right = await claimCode(memberA, shop.cardKey, T);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect(await refusal(claimCard(store.db, id, { phone: a, code: wrong }, T))).toEqual({
        status: 403,
        code: 'wrong_code',
        message:
          'This code is not right for this phone number. Ask the cashier for the code on the tablet.',
      });
    expect(await refusal(claimCard(store.db, id, { phone: a, code: right }, T))).toEqual({
      status: 429,
      code: 'too_many_tries',
      message: 'Too many wrong codes. Wait 30 seconds and ask the cashier again.',
    });
    // Another phone has tries of its own.
    const memberB = tokenB.split('.')[0]!;
    const codeB = await claimCode(memberB, shop.cardKey, T);
    expect(await claimCard(store.db, id, { phone: b, code: codeB }, T)).toEqual({
      cardToken: tokenB,
    });
  });

  // ---- signup.ts and store.ts ----

  it('a code policy without tokens admits only codes from the database, and asks for one', async () => {
    const policy = { mode: 'token' as const };
    const shop = await testShop();
    expect(await refusal(store.registerShop(shop, 'Owner', T, { policy }))).toEqual({
      status: 403,
      code: 'signup_code_needed',
      message:
        "This server registers a new shop only with a sign-up code from its operator. Type the code you were given, or ask the server's operator for one.",
    });
    expect(
      await refusal(store.registerShop(shop, 'Owner', T, { policy, code: 'ABCD-EFGH-JKMN' })),
    ).toMatchObject({ status: 403, code: 'bad_signup_code' });
    const code = await store.createSignupCode(T);
    expect((await store.registerShop(shop, 'Owner', T, { policy, code })).role).toBe('owner');
  });

  it('the store keeps only a token’s SHA-256, in hex', async () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    const { grant } = await ownerOf();
    const row = await store.db
      .selectFrom('devices')
      .select('token_hash')
      .where('id', '=', grant.deviceId)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(grant.token);
  });

  // ---- a database opened in the test itself (migrations run here) ----

  let fresh = 0;
  /** Options for a database of its own (PostgreSQL: a schema of its own). */
  const freshOptions = (): StoreOptions =>
    options.databaseUrl
      ? { ...options, pgSchema: `${options.pgSchema}_f${++fresh}` }
      : { dataDir: ':memory:' };

  it('a new database has every table the server uses; the default sign-up lets in the first shop only; closing ends it', async () => {
    const opts = freshOptions();
    const db = await Store.open(opts);
    try {
      const shop = await testShop({ program: { ...DEFAULT_RULES, feedback: { stamps: 1 } } });
      const owner = await db.registerShop(shop, 'Owner', T);
      expect(owner.role).toBe('owner');
      expect(await refusal(db.registerShop(await testShop(), 'Second', T))).toMatchObject({
        status: 403,
        code: 'signup_closed',
      });
      const code = await db.createSignupCode(T);
      expect(
        (await db.registerShop(await testShop(), 'Third', T, { policy: { mode: 'token' }, code }))
          .role,
      ).toBe('owner');
      const auth = { ...(await db.authenticate(owner.token))!, now: T };
      const pairing = await db.createPairingCode(shop.shopId, T, 'owner');
      const second = (await db.join(pairing.code, 'Second owner', T))!;
      expect(second.role).toBe('owner');
      expect(second.settingsClocks).toEqual({});
      const member = uid('MEMZ');
      await db.push(auth, {
        events: [stampEvent(member, 'LEGACYZ', 1, T - 5000)],
        memberChanges: [change(member, 'LEGACYZ', 2, T - 4000, { name: 'Siti Rahma' })],
        settings: [
          {
            hlc: hlcToString({ millis: T - 3000, counter: 0, node: auth.deviceId }),
            fields: { rewardName: 'Free tea' },
          } as SettingsChangeWire,
        ],
      });
      expect((await db.authenticate(owner.token))?.legacyId).toBe('LEGACYZ');
      const joined = (await db.join((await db.createPairingCode(shop.shopId, T)).code, 'C', T))!;
      expect(joined.settingsClocks).toEqual({ rewardName: expect.any(String) });
      const pulled = await db.pull(shop.shopId, 0, 10);
      expect(pulled.items.map((i) => [i.seq, i.kind])).toEqual([
        [1, 'event'],
        [2, 'member'],
        [3, 'settings'],
      ]);
      expect(pulled.server?.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
      const link = await signCard(member, shop.cardKey);
      await db.feedback(link, 5, undefined, T);
      expect(await db.card(link, T)).toMatchObject({ firstName: 'Siti', balance: 2 });
      const session = await openOwnerSession(db.db, auth, T);
      expect(await touchOwnerSession(db.db, auth, session, T + 1000)).toBe(true);
      await selfJoin(
        db.db,
        db.dialect,
        shop.shopId,
        { name: 'Ani', phone: '0815 6000 1001', marketingConsent: false },
        'x',
        T,
      );
      expect(await takeTry(db.db, 'k', T)).toBe(0);
      expect((await db.devices(shop.shopId)).map((d) => d.role).sort()).toEqual([
        'counter',
        'owner',
        'owner',
      ]);
      const usageRows = await db.db.selectFrom('shop_usage').selectAll().execute();
      expect(usageRows.map((r) => Number(r.day_events))).toEqual([1]);
      await db.close();
      expect(await refusal(db.shop(shop.shopId))).toMatchObject({ error: expect.any(String) });
    } finally {
      await db.close().catch(() => {});
      await dropBackend(opts);
    }
  });
});

// ---- connect.ts: opening the database ----

describe('opening the database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'setia-edges-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a PostgreSQL schema name that is not lower-case letters, digits and _ (before connecting)', async () => {
    const url = 'postgres://nobody@127.0.0.1:1/none';
    for (const bad of ['1abc', 'abc-d', 'Abc'])
      expect(await refusal(Store.open({ databaseUrl: url, pgSchema: bad }))).toEqual({
        error: `bad schema name ${bad}`,
      });
    // A good name goes on to connect (nobody listens on port 1).
    const good = await refusal(Store.open({ databaseUrl: url, pgSchema: 'setia_ok_1' }));
    expect(good).not.toEqual({ error: 'bad schema name setia_ok_1' });
    expect(good).toMatchObject({ error: expect.stringMatching(/ECONNREFUSED|connect/) });
  });

  it("':memory:' is a new database each time; a folder keeps setia.sqlite", async () => {
    const a = await Store.open({ dataDir: ':memory:' });
    expect(a.dialect).toBe('sqlite');
    const shop = await testShop();
    await a.registerShop(shop, 'Owner', T);
    await a.close();
    const b = await Store.open({ dataDir: ':memory:' });
    expect(await refusal(b.shop(shop.shopId))).toMatchObject({ error: expect.any(String) });
    await b.close();

    const folder = join(dir, 'kept');
    const c = await Store.open({ dataDir: folder });
    await c.registerShop(shop, 'Owner', T);
    await c.close();
    expect(existsSync(join(folder, 'setia.sqlite'))).toBe(true);
    const d = await Store.open({ dataDir: folder });
    expect((await d.shop(shop.shopId)).name).toBe('Kopi Kita');
    await d.close();
  });

  it('runs a migration merged later with a smaller number than one already run; what predates roles gets its roles', async () => {
    const folder = join(dir, 'unordered');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder, { recursive: true });
    const all = migrations('sqlite');
    const early = Object.fromEntries(
      Object.entries(all).filter(([n]) =>
        ['0001-initial', '0002-settings-clocks', '0010-hosting'].includes(n),
      ),
    );
    const old = new Kysely<Database>({
      dialect: new SqliteDialect({ database: new SQLite(join(folder, 'setia.sqlite')) }),
    });
    const { error } = await new Migrator({
      db: old,
      provider: { getMigrations: () => Promise.resolve(early) },
    }).migrateToLatest();
    expect(error).toBeUndefined();
    // A shop paired before roles existed: two tablets and a pairing code not used yet.
    const shop = await testShop();
    await sql`insert into shops (id, settings, created_at) values (${shop.shopId}, ${JSON.stringify(shop)}, ${T})`.execute(
      old,
    );
    for (const [id, at] of [
      ['firsttablet', T],
      ['secondtablet', T + 1],
    ] as const)
      await sql`insert into devices (id, shop_id, token_hash, name, created_at) values (${id}, ${shop.shopId}, ${id}, ${id}, ${at})`.execute(
        old,
      );
    await sql`insert into pairing_codes (code_hash, shop_id, expires_at) values (${sha256('ABCDEFGH')}, ${shop.shopId}, ${T + 60_000})`.execute(
      old,
    );
    await old.destroy();
    const store = await Store.open({ dataDir: folder });
    expect((await store.devices(shop.shopId)).map((d) => [d.id, d.role])).toEqual([
      ['firsttablet', 'owner'],
      ['secondtablet', 'counter'],
    ]);
    expect((await store.join('ABCDEFGH', 'Third', T))?.role).toBe('counter');
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table'`.execute(store.db);
    expect(tables.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['owner_sessions', 'ratings', 'self_join_tries']),
    );
    await store.close();
  });

  it('a migration that fails stops the opening with its error', async () => {
    const folder = join(dir, 'broken');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder, { recursive: true });
    const raw = new SQLite(join(folder, 'setia.sqlite'));
    raw.exec('create table shops (id text)');
    raw.close();
    expect(await refusal(connect({ dataDir: folder }))).toEqual({
      error: 'table "shops" already exists',
    });
  });
});

// ---- PostgreSQL only: what only concurrent transactions there can show ----

for (const [name, options] of backends().filter(([n]) => n === 'PostgreSQL'))
  describe(`concurrent writers on ${name}`, () => {
    let store: Store;
    const schemas: string[] = [];
    beforeAll(async () => {
      store = await Store.open(options);
    });
    afterAll(async () => {
      await store.close();
      for (const s of schemas) await dropBackend({ ...options, pgSchema: s });
      await dropBackend(options);
    });

    async function ownerOf() {
      const shop = await testShop();
      const grant = await store.registerShop(shop, 'Owner', T, { policy: { mode: 'open' } });
      return { shop, auth: { ...(await store.authenticate(grant.token))!, now: T } };
    }

    it('opens its own schema, with its own migration tables, beside another one', async () => {
      const names = [`${options.pgSchema}_s1`, `${options.pgSchema}_s2`];
      schemas.push(...names);
      for (const pgSchema of names) {
        const s = await Store.open({ ...options, pgSchema });
        expect(s.dialect).toBe('postgres');
        const tables = await sql<{
          t: string;
        }>`select table_name as t from information_schema.tables where table_schema = ${pgSchema}`.execute(
          s.db,
        );
        expect(tables.rows.map((r) => r.t)).toEqual(
          expect.arrayContaining(['log', 'shops', 'kysely_migration', 'self_join_tries']),
        );
        await s.close();
      }
    });

    it('a push waits for the shop’s log lock held by another writer', async () => {
      const { auth } = await ownerOf();
      const hold = await store.db.startTransaction().execute();
      await takeShopLogLock(hold, store.dialect, auth.shopId);
      let done = false;
      const pushing = store
        .push(auth, push([stampEvent(uid('MEML'), auth.deviceId, 1, T - 10)]))
        .then(() => (done = true));
      await sleep(500);
      expect(done).toBe(false);
      await hold.commit().execute();
      await pushing;
      expect(done).toBe(true);
    });

    it('a member another shop creates at the same moment is theirs: the push is refused', async () => {
      const a = await ownerOf();
      const b = await ownerOf();
      const member = uid('MEMRACE');
      const hold = await store.db.startTransaction().execute();
      await hold
        .insertInto('members')
        .values({ id: member, shop_id: a.shop.shopId, fields: '{}', clocks: '{}' })
        .execute();
      const pushing = refusal(
        store.push(b.auth, push([stampEvent(member, b.auth.deviceId, 1, T - 10)])),
      );
      await sleep(300);
      await hold.commit().execute();
      expect(await pushing).toEqual({
        status: 403,
        code: 'foreign_member',
        message: 'This push names a member of another shop; nothing was stored.',
      });
    });

    it('the first shop on a first-only server is one, however many register at once', async () => {
      const pgSchema = `${options.pgSchema}_first`;
      schemas.push(pgSchema);
      const s = await Store.open({ ...options, pgSchema });
      try {
        const tries = await Promise.allSettled(
          Array.from({ length: 4 }, async () => s.registerShop(await testShop(), 'Owner', T)),
        );
        expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
      } finally {
        await s.close();
      }
    });
  });

// ---- SQLite only: a trigger stands in for another device binding the same id at once ----

describe('binding a pre-pairing id the database refuses', () => {
  it('answers wrong_device, not the database’s error', async () => {
    const store = await Store.open({ dataDir: ':memory:' });
    try {
      const shop = await testShop();
      const grant = await store.registerShop(shop, 'Owner', T);
      const auth = { ...(await store.authenticate(grant.token))!, now: T };
      await sql
        .raw(
          `create trigger bound_meanwhile before update of legacy_id on devices
         begin select raise(abort, 'UNIQUE constraint failed: devices.shop_id, devices.legacy_id'); end`,
        )
        .execute(store.db);
      expect(
        await refusal(store.push(auth, push([stampEvent(uid('MEMB'), 'LEGACYB', 1, T - 10)]))),
      ).toMatchObject({ status: 403, code: 'wrong_device' });
    } finally {
      await store.close();
    }
  });
});
