/**
 * A shop that the sync server will register, for tests and benchmarks: a fresh
 * id and card key each time, and an owner PIN hashed as cheaply as the server allows.
 */
import type { ShopSettings } from '../domain/shop';
import { randomKey } from './base64url';
import { hashPin, PIN_ITERATIONS_MIN } from './pin';

export const TEST_OWNER_PIN = '2468';
let serial = 0;

export async function testShop(overrides: Partial<ShopSettings> = {}): Promise<ShopSettings> {
  serial += 1;
  return {
    shopId: `SHOP${Date.now().toString(36)}${serial.toString(36)}`.toUpperCase(),
    cardKey: randomKey(),
    name: 'Kopi Kita',
    stampsPerCard: 10,
    rewardName: 'Free coffee',
    currency: 'IDR',
    country: 'ID',
    ownerPin: await hashPin(TEST_OWNER_PIN, PIN_ITERATIONS_MIN),
    createdAt: 1_750_000_000_000,
    ...overrides,
  };
}
