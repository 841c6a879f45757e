/**
 * The sync protocol between tablets and the server: every request and reply as
 * a zod schema, shared by both sides. Objects are strict (an unknown field is
 * an error, not silently dropped) and every list and string has a limit.
 */
import { z } from 'zod';
import { CONFLICTS_KEPT, type MemberStats } from '../domain/balance';
import type { LedgerEvent } from '../domain/ledger';
import { EMAIL_MAX, type MemberChange, type MemberFields } from '../domain/member';
import { CATALOGUE_MAX, COST_MAX, EDITION_MAX, OFFER_NAME_MAX } from '../domain/stamp/catalogue';
import { CLUB_MULTIPLIER_MAX, PERKS_MAX, PRICE_MAX } from '../domain/stamp/club';
import {
  BIRTHDAY_WINDOW_MAX,
  BONUS_MAX,
  COOLDOWN_MINUTES_MAX,
  VISIT_STAMPS_MAX,
  COOLDOWN_STAMPS_MAX,
  MULTIPLIER_MAX,
  PROMOTIONS_MAX,
  RULE_NAME_MAX,
  STAMPS_PER_ITEM_MAX,
  TIER_THRESHOLD_MAX,
  TIERS_MAX,
} from '../domain/stamp/rules';
import {
  COUNTRIES,
  CURRENCIES,
  REWARD_MAX,
  SHOP_NAME_MAX,
  STAMPS_PER_CARD_MAX,
  STAMPS_PER_CARD_MIN,
  type ShopSettings,
} from '../domain/shop';
import { STAFF_NAME_MAX } from '../domain/staff-input';
import { EXPIRY_MONTHS_MAX, EXPIRY_MONTHS_MIN } from '../domain/expiry';
import { CAMPAIGN_NAME_MAX, CAMPAIGNS_MAX, MESSAGE_MAX } from '../domain/messages';
import { SEGMENT_LIMITS } from '../domain/segments';
import { PIN_ITERATIONS_MAX, PIN_ITERATIONS_MIN } from './pin';
import { BATCH_MAX, SETTINGS_BATCH_MAX } from './sync-limits';

// In the browser the app's Content-Security-Policy forbids eval: zod must not even try its
// compiled fast path there (the probe alone is reported as a CSP violation). The server keeps it.
if (typeof window !== 'undefined') z.config({ jitless: true });

export {
  BATCH_MAX,
  PULL_PAGE_DEFAULT,
  PULL_PAGE_MAX,
  SNAPSHOT_EVENTS_MAX,
  SNAPSHOT_MEMBERS_MAX,
} from './sync-limits';

const id = z.string().regex(/^[0-9A-Za-z_-]{1,40}$/, 'an id of letters, digits, - or _');
const text = (max: number) => z.string().max(max);
const millis = z.number().int().min(0).max(8.64e15);

/** Base64 of `min`..`max` bytes (padded, standard alphabet, as src/shared/pin.ts writes it). */
const base64Bytes = (min: number, max: number) =>
  z
    .string()
    .max(Math.ceil(max / 3) * 4)
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'base64')
    .refine(
      (b) => {
        const bytes = (b.length / 4) * 3 - (b.match(/=+$/)?.[0].length ?? 0);
        return bytes >= min && bytes <= max;
      },
      { message: `base64 of ${min} to ${max} bytes` },
    );

/**
 * Only the app's own PIN hashes: a hash with 10 million rounds would let one shop stall the
 * server (each check is CPU on the shared thread pool); a bad salt would break every check.
 */
export const pinHashSchema = z.strictObject({
  algorithm: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(PIN_ITERATIONS_MIN).max(PIN_ITERATIONS_MAX),
  salt: base64Bytes(16, 64),
  hash: base64Bytes(32, 32),
});

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullable();
const count = (max: number) => z.number().int().min(0).max(max);
const multiplier = z.number().min(1).max(MULTIPLIER_MAX);

export const programRulesSchema = z.strictObject({
  earning: z.strictObject({
    mode: z.enum(['visit', 'item', 'amount']),
    stampsPerItem: count(STAMPS_PER_ITEM_MAX),
    amountPerStamp: z.number().min(0).max(PRICE_MAX),
  }),
  welcomeStamps: count(BONUS_MAX),
  birthday: z.strictObject({ stamps: count(BONUS_MAX), windowDays: count(BIRTHDAY_WINDOW_MAX) }),
  promotions: z
    .array(
      z.strictObject({
        id,
        name: text(RULE_NAME_MAX),
        multiplier,
        from: day,
        to: day,
        weekdays: z.array(z.number().int().min(0).max(6)).max(7),
      }),
    )
    .max(PROMOTIONS_MAX),
  tiers: z
    .array(
      z.strictObject({
        id,
        name: text(RULE_NAME_MAX),
        basis: z.enum(['visits', 'rewards']),
        threshold: z.number().int().min(1).max(TIER_THRESHOLD_MAX),
        multiplier,
      }),
    )
    .max(TIERS_MAX),
  referral: z.strictObject({ referrerStamps: count(BONUS_MAX) }),
  feedback: z.strictObject({ stamps: count(BONUS_MAX) }),
  cooldown: z.strictObject({
    enabled: z.boolean(),
    maxStamps: count(COOLDOWN_STAMPS_MAX),
    minutes: count(COOLDOWN_MINUTES_MAX),
  }),
  // Optional: rules saved (and tablets running) before it existed leave it out.
  maxStampsPerVisit: count(VISIT_STAMPS_MAX).min(1).optional(),
});

export const catalogueSchema = z
  .array(
    z.strictObject({
      id,
      name: text(OFFER_NAME_MAX).min(1),
      cost: z.number().int().min(1).max(COST_MAX),
      kind: z.enum(['item', 'merch', 'donation']),
      limit: z.number().int().min(1).max(EDITION_MAX).nullable(),
    }),
  )
  .max(CATALOGUE_MAX);

export const clubOfferSchema = z.strictObject({
  name: text(OFFER_NAME_MAX).min(1),
  price: z.number().min(0).max(PRICE_MAX),
  period: z.enum(['week', 'month', 'year']),
  multiplier: z.number().min(1).max(CLUB_MULTIPLIER_MAX),
  perks: text(PERKS_MAX),
});

const ruleLineSchema = z.strictObject({
  rule: text(80),
  name: text(60).optional(),
  stamps: z.number().int().min(0).max(100_000),
  multiplier: multiplier.optional(),
});

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const expiryRuleSchema = z.union([
  z.strictObject({ mode: z.literal('off') }),
  z.strictObject({
    mode: z.enum(['lastVisit', 'earned']),
    months: z.number().int().min(EXPIRY_MONTHS_MIN).max(EXPIRY_MONTHS_MAX),
    since: localDate,
  }),
]);

const days = (max: number) => z.number().int().min(1).max(max);
export const segmentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('everyone') }),
  z.strictObject({ kind: z.literal('lapsed'), days: days(SEGMENT_LIMITS.lapsedDays[1]) }),
  z.strictObject({ kind: z.literal('birthdayWeek') }),
  z.strictObject({
    kind: z.literal('nearReward'),
    stamps: days(SEGMENT_LIMITS.nearRewardStamps[1]),
  }),
  z.strictObject({ kind: z.literal('expiring'), days: days(SEGMENT_LIMITS.expiringDays[1]) }),
  z.strictObject({ kind: z.literal('tier'), tierId: id }),
  z.strictObject({ kind: z.literal('clubEnding'), days: days(SEGMENT_LIMITS.clubEndingDays[1]) }),
]);

const messageText = text(MESSAGE_MAX * 2).optional();
export const campaignSchema = z.strictObject({
  id,
  name: text(CAMPAIGN_NAME_MAX * 2).min(1),
  segment: segmentSchema,
  texts: z.strictObject({ en: messageText, id: messageText, ms: messageText, vi: messageText }),
  createdAt: millis,
});

export const shopSettingsSchema = z.strictObject({
  shopId: id,
  cardKey: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/),
  name: text(SHOP_NAME_MAX).min(1),
  stampsPerCard: z.number().int().min(STAMPS_PER_CARD_MIN).max(STAMPS_PER_CARD_MAX),
  rewardName: text(REWARD_MAX).min(1),
  currency: z.enum(CURRENCIES),
  country: z.enum(COUNTRIES),
  ownerPin: pinHashSchema,
  createdAt: millis,
  allowStaticCodes: z.boolean().optional(),
  churnDays: z.number().int().min(7).max(365).optional(),
  program: programRulesSchema.optional(),
  catalogue: catalogueSchema.optional(),
  club: clubOfferSchema.optional(),
  /** Customers may join from their own phone (the counter poster); absent = yes. */
  selfJoin: z.boolean().optional(),
  staff: z
    .array(
      z.strictObject({
        id,
        name: text(STAFF_NAME_MAX).min(1),
        pin: pinHashSchema,
        active: z.boolean(),
        createdAt: millis,
      }),
    )
    .max(200)
    .optional(),
  expiry: expiryRuleSchema.optional(),
  timeZone: text(64)
    .regex(/^[A-Za-z0-9_+\-/]+$/)
    .optional(),
  campaigns: z.array(campaignSchema).max(CAMPAIGNS_MAX).optional(),
});

/** What sync may never change: a shop's identity and card key are fixed at setup. */
export const FIXED_SETTINGS = ['shopId', 'cardKey', 'createdAt'] as const;

const hlcString = text(80).regex(/^[0-9a-z]{11}-[0-9a-z]{4}-[0-9A-Za-z_-]{1,40}$/);

/**
 * An owner's edit of the shop's settings, as it travels: the edited fields and
 * their hybrid clock (latest wins, field by field). Derived from
 * shopSettingsSchema, so a new setting is added there and nowhere else.
 */
export const settingsChangeSchema = z.strictObject({
  hlc: hlcString,
  fields: z
    .strictObject(
      shopSettingsSchema.omit({ shopId: true, cardKey: true, createdAt: true }).partial().shape,
      {
        error: (issue) =>
          issue.code !== 'unrecognized_keys'
            ? undefined
            : issue.keys.some((k) => (FIXED_SETTINGS as readonly string[]).includes(k))
              ? `${FIXED_SETTINGS.join(', ')} are fixed when the shop is set up and never change by sync`
              : `unknown setting ${issue.keys.join(', ')}`,
      },
    )
    .refine((f) => Object.keys(f).length > 0, { message: 'a settings change names a setting' }),
});

export const ledgerEventSchema = z.strictObject({
  id,
  memberId: id,
  type: z.enum(['stamp', 'bonus', 'redeem', 'reversal', 'adjustment', 'club', 'message']),
  stamps: z.number().int().min(-100_000).max(100_000),
  at: millis,
  deviceId: id,
  staffId: text(40),
  seq: z.number().int().min(1),
  quantity: z.number().int().min(0).max(100_000).optional(),
  rewardId: text(40).optional(),
  rewardName: text(80).optional(),
  reverses: id.optional(),
  reversed: z
    .strictObject({
      type: z.enum(['stamp', 'bonus', 'redeem', 'reversal', 'adjustment', 'club', 'message']),
      stamps: z.number().int(),
    })
    .optional(),
  reason: text(500).optional(),
  resolves: z.array(id).max(100).optional(),
  rewardKind: z.enum(['card', 'item', 'merch', 'donation']).optional(),
  override: z.strictObject({ reason: text(500) }).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  comment: text(1000).optional(),
  amount: z.number().min(0).max(1e12).optional(),
  lines: z.array(ruleLineSchema).max(20).optional(),
  club: z
    .strictObject({
      name: text(60),
      period: z.enum(['week', 'month', 'year']),
      price: z.number().min(0).max(1e12),
      multiplier,
      until: millis,
    })
    .optional(),
  campaignId: id.optional(),
  channel: z.enum(['whatsapp', 'zalo', 'broadcast']).optional(),
});

export const memberFieldsSchema = z
  .strictObject({
    name: text(200),
    phone: text(20).nullable(),
    email: text(EMAIL_MAX).nullable(),
    birthday: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    marketingConsent: z.boolean(),
    consentAt: millis.nullable(),
    anonymised: z.boolean(),
    /** The owner merged this member (a duplicate) into that one. */
    mergedInto: id.nullable(),
    referredBy: id.nullable(),
    selfJoined: z.boolean(),
  })
  .partial();

export const memberChangeSchema = z.strictObject({
  id,
  memberId: id,
  deviceId: id,
  seq: z.number().int().min(1),
  hlc: hlcString,
  fields: memberFieldsSchema,
  at: millis,
});

export const registerShopRequest = z.strictObject({
  shop: shopSettingsSchema,
  deviceName: text(60).min(1),
  /** A server with SETIA_SIGNUP=token registers a shop only with a code from its operator. */
  signupCode: z.string().max(64).optional(),
});

export const deviceRole = z.enum(['owner', 'counter']);

export const deviceGrant = z.strictObject({
  deviceId: id,
  /** Shown once; the server keeps only its hash. */
  token: z.string(),
  /** A counter tablet gets no owner-PIN hash (it unlocks the owner area through the server). */
  shop: shopSettingsSchema.extend({ ownerPin: pinHashSchema.optional() }),
  /** Missing from a server that predates roles: then every device is an owner device. */
  role: deviceRole.optional(),
  /** On joining: each setting's clock, so that an older edit synced later does not win here. */
  settingsClocks: z.record(z.string().max(40), hlcString).optional(),
});

const ownerPinEntry = z.string().regex(/^\d{4,8}$/);

/** An owner device sends the PIN; a counter tablet with a live owner session may leave it out. */
export const pairingCodeRequest = z.strictObject({
  ownerPin: ownerPinEntry.optional(),
  /** The role the joining device gets (default 'counter'). */
  role: deviceRole.optional(),
});
export const pairingCodeReply = z.strictObject({ code: z.string(), expiresAt: millis });

export const joinRequest = z.strictObject({
  code: z.string().min(1).max(20),
  deviceName: text(60).min(1),
});

export const revokeRequest = z.strictObject({ ownerPin: ownerPinEntry.optional() });

/** POST /api/owner-sessions: a counter tablet unlocks its owner area through the server. */
export const ownerSessionRequest = z.strictObject({ ownerPin: ownerPinEntry });
export const ownerSessionReply = z.strictObject({
  /** Sent back as the X-Owner-Session header; lapses after `idleMs` unused. */
  session: z.string(),
  idleMs: z.number().int().min(0),
});
export const revokeReply = z.strictObject({ revoked: z.string() });

export const deviceInfo = z.strictObject({
  id: z.string(),
  name: z.string(),
  createdAt: millis,
  revokedAt: millis.nullable(),
  role: deviceRole.optional(),
});
export const devicesReply = z.strictObject({ devices: z.array(deviceInfo) });

export const pushRequest = z
  .strictObject({
    events: z.array(ledgerEventSchema).max(BATCH_MAX),
    memberChanges: z.array(memberChangeSchema).max(BATCH_MAX),
    settings: z.array(settingsChangeSchema).max(SETTINGS_BATCH_MAX).optional(),
  })
  .refine((p) => p.events.length + p.memberChanges.length <= BATCH_MAX, {
    message: `at most ${BATCH_MAX} items in one push`,
  });

export const pushReply = z.strictObject({
  /** Ids now stored on the server (new or already there): the tablet may stop sending them. */
  events: z.array(z.string()),
  memberChanges: z.array(z.string()),
  /** Clocks of the settings changes stored. */
  settings: z.array(z.string()).optional(),
});

export const pullItem = z.discriminatedUnion('kind', [
  z.strictObject({ seq: z.number().int(), kind: z.literal('event'), event: ledgerEventSchema }),
  z.strictObject({ seq: z.number().int(), kind: z.literal('member'), change: memberChangeSchema }),
  z.strictObject({
    seq: z.number().int(),
    kind: z.literal('settings'),
    change: settingsChangeSchema,
  }),
]);

export const pullReply = z.strictObject({
  items: z.array(pullItem),
  /** Pass it back as `cursor` to get what came after. */
  cursor: z.number().int().min(0),
  more: z.boolean(),
  /** The server's database: a new id or a head behind the cursor means it was restored. */
  server: z.strictObject({ id: z.string().max(80), head: z.number().int().min(0) }).optional(),
  /** Who the server takes this tablet for (a tablet paired before roles learns its role). */
  you: z.strictObject({ deviceId: id, role: deviceRole }).optional(),
});

export const cardReply = z.strictObject({
  shopName: z.string(),
  firstName: z.string(),
  stampsPerCard: z.number().int(),
  rewardName: z.string(),
  balance: z.number().int(),
  tier: z.string().nullable(),
  recentVisits: z.array(z.strictObject({ at: millis, stamps: z.number().int() })),
  /** With expiry on (older servers leave these out): the next stamps to expire, and their last day. */
  expiring: z.strictObject({ stamps: z.number().int(), on: localDate }).nullable().optional(),
  /** With expiry on: the stamps expired so far (`balance` is what is left after them). */
  expired: z.number().int().optional(),
});

/** A customer rates their last visit from their card (POST /api/card/<token>/feedback). */
export const feedbackRequest = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: text(500).optional(),
});

/**
 * A new tablet's snapshot of the shop, taken at a server cursor `at`: members
 * with their fields and stats folded from the log up to `at`, and the history
 * up to `at` in large pages. After it the tablet pulls from `at` as usual.
 */
export const snapshotStartReply = z.strictObject({
  at: z.number().int().min(0),
  members: z.number().int().min(0),
  events: z.number().int().min(0),
});

const visitNote = z.strictObject({ eventId: id, at: millis, stamps: z.number().int() });
export const memberStatsSchema = z.strictObject({
  balance: z.number().int(),
  earned: z.number().int(),
  spent: z.number().int(),
  redeemed: z.number().int(),
  adjusted: z.number().int(),
  visits: z.number().int(),
  firstVisitAt: millis.nullable(),
  lastVisitAt: millis.nullable(),
  lastEventAt: millis.nullable(),
  recentVisits: z.array(visitNote).max(50),
  conflicts: z.array(id).max(CONFLICTS_KEPT),
});

export const snapshotMember = z.strictObject({
  id,
  fields: memberFieldsSchema,
  clocks: z.record(z.string(), z.string().max(80)),
  joinedAt: millis,
  stats: memberStatsSchema,
});

export const snapshotMembersReply = z.strictObject({
  members: z.array(snapshotMember),
  /** Pass the last member's id back as `after` while `more`. */
  more: z.boolean(),
});

export const snapshotEventsReply = z.strictObject({
  events: z.array(ledgerEventSchema),
  /** The server sequence of the last event: pass it back as `after` while `more`. */
  after: z.number().int().min(0),
  more: z.boolean(),
});

export type SnapshotStart = z.infer<typeof snapshotStartReply>;
export type SnapshotMember = z.infer<typeof snapshotMember>;
export type SnapshotMembersReply = z.infer<typeof snapshotMembersReply>;
export type SnapshotEventsReply = z.infer<typeof snapshotEventsReply>;
export type ShopSettingsWire = z.infer<typeof shopSettingsSchema>;
export type LedgerEventWire = z.infer<typeof ledgerEventSchema>;
export type SettingsChangeWire = z.infer<typeof settingsChangeSchema>;
export type MemberChangeWire = z.infer<typeof memberChangeSchema>;
export type PushRequest = z.infer<typeof pushRequest>;
export type PushReply = z.infer<typeof pushReply>;
export type PullItem = z.infer<typeof pullItem>;
export type PullReply = z.infer<typeof pullReply>;
export type DeviceGrant = z.infer<typeof deviceGrant>;
export type DeviceInfo = z.infer<typeof deviceInfo>;
export type DeviceRole = z.infer<typeof deviceRole>;
export type OwnerSessionReply = z.infer<typeof ownerSessionReply>;
export type CardReply = z.infer<typeof cardReply>;

/**
 * The wire shapes are the domain's own types: each line fails to compile if a
 * schema and the type it carries drift apart (a field added to one and not the other).
 */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Holds<T extends true> = T;
export type _ShapesAgree = [
  Holds<Same<z.infer<typeof ledgerEventSchema>, LedgerEvent>>,
  Holds<Same<z.infer<typeof shopSettingsSchema>, ShopSettings>>,
  Holds<Same<z.infer<typeof memberFieldsSchema>, Partial<MemberFields>>>,
  Holds<Same<z.infer<typeof memberChangeSchema>, MemberChange>>,
  Holds<Same<z.infer<typeof memberStatsSchema>, MemberStats>>,
];

/** Every error reply: a machine-readable code and a sentence a person can act on. */
export interface ErrorReply {
  error: string;
  message: string;
  /** With a 429: how long until a try is checked again. */
  retryAfterMs?: number;
}
