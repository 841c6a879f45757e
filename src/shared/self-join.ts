/**
 * Joining from one's own phone (the counter poster's QR → /join/<shopId>):
 * what the join page sends and what the server answers. Shared by both sides.
 */
import { z } from 'zod';

export const selfJoinRequest = z.strictObject({
  name: z.string().max(200),
  /** As typed; the server reads it for the shop's country. */
  phone: z.string().max(40),
  /** YYYY-MM-DD, or '' for none. */
  birthday: z.string().max(10).optional(),
  marketingConsent: z.boolean(),
});

/** The join page's header: whose page it is and whether it takes new members. */
export const joinInfoReply = z.strictObject({
  shopName: z.string(),
  country: z.string(),
  open: z.boolean(),
});

export const selfJoinReply = z.strictObject({
  /** `<memberId>.<sig>`: the card opens at /c/<cardToken>. */
  cardToken: z.string(),
});

/** A phone already a member asks for its card back with the code a shop tablet shows for them. */
export const claimCardRequest = z.strictObject({
  phone: z.string().max(40),
  code: z.string().regex(/^\d{6}$/, 'The code is six digits.'),
});
export type ClaimCardRequest = z.infer<typeof claimCardRequest>;

export type SelfJoinRequest = z.infer<typeof selfJoinRequest>;
export type JoinInfo = z.infer<typeof joinInfoReply>;
export type SelfJoinReply = z.infer<typeof selfJoinReply>;

/** Limits on joins from phones, counted on the server's database (every process shares them). */
export const SELF_JOIN_WINDOW_MS = 60 * 60_000;
export const SELF_JOIN_PER_SHOP = 30;
export const SELF_JOIN_PER_ADDRESS = 10;

/** The join page's path for a shop (what the counter poster's QR holds, on the server's origin). */
export function joinPath(shopId: string): string {
  return `/join/${encodeURIComponent(shopId)}`;
}
