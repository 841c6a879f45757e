/** The shop's details the owner edits after setup: the setup rules, without the PIN. */
import {
  isPinFormat,
  validateSetup,
  type Country,
  type Currency,
  type SetupErrors,
  type SetupInput,
} from './program';

export type ShopDetailsInput = Omit<SetupInput, 'pin' | 'pinRepeat'>;
export type ShopDetailsErrors = Omit<SetupErrors, 'pin' | 'pinRepeat'>;

export function validateShopDetails(input: ShopDetailsInput): ShopDetailsErrors {
  const {
    pin: _pin,
    pinRepeat: _repeat,
    ...errors
  } = validateSetup({
    ...input,
    pin: '0000',
    pinRepeat: '0000',
  });
  return errors;
}

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

export type PinChangeError = 'pin.current' | 'pin.format' | 'pin.mismatch' | 'pin.same';
export type PinChangeErrors = Partial<Record<'current' | 'next' | 'repeat', PinChangeError>>;

/** The new owner PIN's shape; whether the current one is right is checked against its hash. */
export function validatePinChange(current: string, next: string, repeat: string): PinChangeErrors {
  const errors: PinChangeErrors = {};
  if (!isPinFormat(next)) errors.next = 'pin.format';
  else if (next === current) errors.next = 'pin.same';
  else if (next !== repeat) errors.repeat = 'pin.mismatch';
  return errors;
}
