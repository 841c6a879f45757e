/**
 * The sync protocol between tablets and the server: every request and reply as
 * a zod schema, shared by both sides. Objects are strict (an unknown field is
 * an error, not silently dropped) and every list and string has a limit.
 */
import { z } from 'zod';
import { COUNTRIES, CURRENCIES } from '../domain/program';
import { BATCH_MAX } from './sync-limits';

// In the browser the app's Content-Security-Policy forbids eval: zod must not even try its
// compiled fast path there (the probe alone is reported as a CSP violation). The server keeps it.
if (typeof window !== 'undefined') z.config({ jitless: true });

export { BATCH_MAX, PULL_PAGE_DEFAULT, PULL_PAGE_MAX } from './sync-limits';

const id = z.string().regex(/^[0-9A-Za-z_-]{1,40}$/, 'an id of letters, digits, - or _');
const text = (max: number) => z.string().max(max);
const millis = z.number().int().min(0).max(8.64e15);

export const pinHashSchema = z.strictObject({
  algorithm: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(1).max(10_000_000),
  salt: text(64),
  hash: text(128),
});

export const shopSettingsSchema = z.strictObject({
  shopId: id,
  cardKey: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/),
  name: text(60).min(1),
  stampsPerCard: z.number().int().min(2).max(50),
  rewardName: text(60).min(1),
  currency: z.enum(CURRENCIES),
  country: z.enum(COUNTRIES),
  ownerPin: pinHashSchema,
  createdAt: millis,
  allowStaticCodes: z.boolean().optional(),
  churnDays: z.number().int().min(7).max(365).optional(),
});

export const ledgerEventSchema = z.strictObject({
  id,
  memberId: id,
  type: z.enum(['stamp', 'bonus', 'redeem', 'reversal', 'adjustment']),
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
      type: z.enum(['stamp', 'bonus', 'redeem', 'reversal', 'adjustment']),
      stamps: z.number().int(),
    })
    .optional(),
  reason: text(500).optional(),
  resolves: z.array(id).max(100).optional(),
  rewardKind: z.enum(['card', 'item', 'merch', 'donation']).optional(),
  override: z.strictObject({ reason: text(500) }).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  comment: text(1000).optional(),
});

export const memberFieldsSchema = z
  .strictObject({
    name: text(200),
    phone: text(20).nullable(),
    email: text(254).nullable(),
    birthday: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    marketingConsent: z.boolean(),
    consentAt: millis.nullable(),
    anonymised: z.boolean(),
  })
  .partial();

export const memberChangeSchema = z.strictObject({
  id,
  memberId: id,
  deviceId: id,
  seq: z.number().int().min(1),
  hlc: text(80).regex(/^[0-9a-z]{11}-[0-9a-z]{4}-[0-9A-Za-z_-]{1,40}$/),
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
  })
  .refine((p) => p.events.length + p.memberChanges.length <= BATCH_MAX, {
    message: `at most ${BATCH_MAX} items in one push`,
  });

export const pushReply = z.strictObject({
  /** Ids now stored on the server (new or already there): the tablet may stop sending them. */
  events: z.array(z.string()),
  memberChanges: z.array(z.string()),
});

export const pullItem = z.discriminatedUnion('kind', [
  z.strictObject({ seq: z.number().int(), kind: z.literal('event'), event: ledgerEventSchema }),
  z.strictObject({ seq: z.number().int(), kind: z.literal('member'), change: memberChangeSchema }),
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

export type ShopSettingsWire = z.infer<typeof shopSettingsSchema>;
export type LedgerEventWire = z.infer<typeof ledgerEventSchema>;
export type MemberChangeWire = z.infer<typeof memberChangeSchema>;
export type PushRequest = z.infer<typeof pushRequest>;
export type PushReply = z.infer<typeof pushReply>;
export type PullItem = z.infer<typeof pullItem>;
export type PullReply = z.infer<typeof pullReply>;
export type DeviceGrant = z.infer<typeof deviceGrant>;
export type DeviceInfo = z.infer<typeof deviceInfo>;
export type CardReply = z.infer<typeof cardReply>;

/** Every error reply: a machine-readable code and a sentence a person can act on. */
export interface ErrorReply {
  error: string;
  message: string;
}
