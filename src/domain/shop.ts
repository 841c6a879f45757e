/**
 * The shop and its program as the owner set them up. Events record what the
 * program granted at the time, so changing these never rewrites history.
 */
import type { CatalogueReward } from './stamp/catalogue';
import type { ClubOffer } from './stamp/club';
import type { ProgramRules } from './stamp/rules';
import type { PinHash } from './pin-hash';
import type { StaffMember } from './staff';
import type { ExpiryRule } from './expiry';
import type { Campaign } from './messages';

export const CURRENCIES = ['IDR', 'MYR', 'VND', 'SGD', 'THB', 'PHP', 'USD', 'EUR', 'AUD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const COUNTRIES = ['ID', 'MY', 'VN', 'SG', 'TH', 'PH', 'US', 'AU', 'GB'] as const;
export type Country = (typeof COUNTRIES)[number];

export const STAMPS_PER_CARD_MIN = 2;
export const STAMPS_PER_CARD_MAX = 50;
export const SHOP_NAME_MAX = 60;
export const REWARD_MAX = 60;
export const PIN_MIN = 4;
export const PIN_MAX = 8;
export const DEFAULT_STAMPS_PER_CARD = 10;

export type { PinHash } from './pin-hash';

/** Until staff log in (owner area), actions are recorded as the owner's. */
export const DEFAULT_STAFF_ID = 'owner';

/** Who a rating sent from the customer's own card is recorded as (its feedback bonus included). */
export const CUSTOMER_STAFF_ID = 'customer';

/** The card's own reward: a full card of `stampsPerCard` stamps. */
export const CARD_REWARD_ID = 'card';

export interface ShopSettings {
  /** Unique across shops (ULID), made at setup. */
  shopId: string;
  /**
   * The shop's card key (32 random bytes, base64url): signs card links so that
   * any of the shop's tablets can check a member's QR offline. Shared with
   * tablets at pairing; never shown to customers.
   */
  cardKey: string;
  name: string;
  stampsPerCard: number;
  rewardName: string;
  currency: Currency;
  country: Country;
  ownerPin: PinHash;
  createdAt: number;
  /** Printed (static) card codes are stamped unless the owner turns this off; live codes always are. */
  allowStaticCodes?: boolean;
  /** Insights: a member who has not visited for this many days counts as churned (default 60). */
  churnDays?: number;
  /** The loyalty program's earning rules; absent = one stamp per stamp entered. */
  program?: ProgramRules;
  /** Rewards besides the card's own, at their stamp costs. */
  catalogue?: CatalogueReward[];
  /** A paid club membership the cashier can sell. */
  club?: ClubOffer;
  /** Customers may join from their own phone (the counter poster's join page); absent = yes. */
  selfJoin?: boolean;
  /** Who may work the counter (owner area → Staff); absent in older shops. */
  staff?: StaffMember[];
  /** Stamps expire (domain/expiry.ts); absent = never. */
  expiry?: ExpiryRule;
  /** The shop's IANA time zone: every tablet and the server count the same local days. */
  timeZone?: string;
  /** Owner → Messages: the campaigns written (merged by id across tablets, see settings-merge). */
  campaigns?: Campaign[];
}

export interface SetupInput {
  name: string;
  stampsPerCard: string;
  rewardName: string;
  currency: string;
  country: string;
  pin: string;
  pinRepeat: string;
}

export type SetupError =
  | 'shopName.required'
  | 'shopName.tooLong'
  | 'stampsPerCard.range'
  | 'reward.required'
  | 'reward.tooLong'
  | 'currency.unknown'
  | 'country.unknown'
  | 'pin.format'
  | 'pin.mismatch';

export type SetupErrors = Partial<Record<keyof SetupInput, SetupError>>;

/** The shop's details: what setup asks and the owner's Shop form edits, without the PIN. */
export type ShopDetailsInput = Omit<SetupInput, 'pin' | 'pinRepeat'>;
export type ShopDetailsErrors = Omit<SetupErrors, 'pin' | 'pinRepeat'>;

export function validateShopDetails(input: ShopDetailsInput): ShopDetailsErrors {
  const errors: ShopDetailsErrors = {};
  const name = input.name.trim();
  if (!name) errors.name = 'shopName.required';
  else if ([...name].length > SHOP_NAME_MAX) errors.name = 'shopName.tooLong';
  const n = Number(input.stampsPerCard);
  if (
    !/^\d+$/.test(input.stampsPerCard.trim()) ||
    n < STAMPS_PER_CARD_MIN ||
    n > STAMPS_PER_CARD_MAX
  )
    errors.stampsPerCard = 'stampsPerCard.range';
  const reward = input.rewardName.trim();
  if (!reward) errors.rewardName = 'reward.required';
  else if ([...reward].length > REWARD_MAX) errors.rewardName = 'reward.tooLong';
  if (!(CURRENCIES as readonly string[]).includes(input.currency))
    errors.currency = 'currency.unknown';
  if (!(COUNTRIES as readonly string[]).includes(input.country)) errors.country = 'country.unknown';
  return errors;
}

/** Checked details as they are saved (call after validateShopDetails found nothing). */
export function cleanShopDetails(input: ShopDetailsInput): {
  name: string;
  stampsPerCard: number;
  rewardName: string;
  currency: Currency;
  country: Country;
} {
  return {
    name: input.name.trim(),
    stampsPerCard: Number(input.stampsPerCard.trim()),
    rewardName: input.rewardName.trim(),
    currency: input.currency as Currency,
    country: input.country as Country,
  };
}

export function validateSetup(input: SetupInput): SetupErrors {
  const errors: SetupErrors = validateShopDetails(input);
  if (!isPinFormat(input.pin)) errors.pin = 'pin.format';
  else if (input.pin !== input.pinRepeat) errors.pinRepeat = 'pin.mismatch';
  return errors;
}

export function isPinFormat(pin: string): boolean {
  return new RegExp(`^\\d{${PIN_MIN},${PIN_MAX}}$`).test(pin);
}

/** A sensible country for a currency, to prefill setup. */
export function countryForCurrency(currency: Currency): Country {
  const map: Partial<Record<Currency, Country>> = {
    IDR: 'ID',
    MYR: 'MY',
    VND: 'VN',
    SGD: 'SG',
    THB: 'TH',
    PHP: 'PH',
    USD: 'US',
    AUD: 'AU',
  };
  return map[currency] ?? 'ID';
}
