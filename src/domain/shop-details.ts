/** The owner's PIN change; the shop's details share setup's rules (domain/shop.ts). */
import { isPinFormat } from './shop';

export {
  cleanShopDetails,
  validateShopDetails,
  type ShopDetailsErrors,
  type ShopDetailsInput,
} from './shop';

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
