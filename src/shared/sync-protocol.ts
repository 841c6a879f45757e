/**
 * The sync protocol between tablets and the server: every request and reply as
 * a zod schema, shared by both sides. Objects are strict (an unknown field is
 * an error, not silently dropped) and every list and string has a limit.
 */
import { z } from 'zod';
import type { MemberStats } from '../domain/balance';
import type { LedgerEvent } from '../domain/ledger';
import { EMAIL_MAX, type MemberChange, type MemberFields } from '../domain/member';
import { CATALOGUE_MAX, COST_MAX, EDITION_MAX, OFFER_NAME_MAX } from '../domain/stamp/catalogue';
import { CLUB_MULTIPLIER_MAX, PERKS_MAX, PRICE_MAX } from '../domain/stamp/club';
import {
  BIRTHDAY_WINDOW_MAX,
  BONUS_MAX,
  COOLDOWN_MINUTES_MAX,
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

export const pinHashSchema = z.strictObject({
  algorithm: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(1).max(10_000_000),
  salt: text(64),
  hash: text(128),
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
  type: z.enum(['stamp', 'bonus', 'redeem', 'reversal', 'adjustment', 'club']),
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
      type: z.enum(['stamp', 'bonus', 'redeem', 'reversal', 'adjustment', 'club']),
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
});

export const deviceGrant = z.strictObject({
  deviceId: id,
  /** Shown once; the server keeps only its hash. */
  token: z.string(),
  shop: shopSettingsSchema,
  /** On joining: each setting's clock, so that an older edit synced later does not win here. */
  settingsClocks: z.record(z.string().max(40), hlcString).optional(),
});

export const pairingCodeRequest = z.strictObject({ ownerPin: z.string().regex(/^\d{4,8}$/) });
export const pairingCodeReply = z.strictObject({ code: z.string(), expiresAt: millis });

export const joinRequest = z.strictObject({
  code: z.string().min(1).max(20),
  deviceName: text(60).min(1),
});

export const revokeRequest = pairingCodeRequest;
export const revokeReply = z.strictObject({ revoked: z.string() });

export const deviceInfo = z.strictObject({
  id: z.string(),
  name: z.string(),
  createdAt: millis,
  revokedAt: millis.nullable(),
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
});

export const cardReply = z.strictObject({
  shopName: z.string(),
  firstName: z.string(),
  stampsPerCard: z.number().int(),
  rewardName: z.string(),
  balance: z.number().int(),
  tier: z.string().nullable(),
  recentVisits: z.array(z.strictObject({ at: millis, stamps: z.number().int() })),
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
  conflicts: z.array(id).max(10_000),
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
}
