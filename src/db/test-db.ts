/** A fresh, isolated database per unit test (fake-indexeddb in node). */
import type { MemberFields } from '../domain/member';
import type { ShopSettings } from '../domain/shop';
import { SetiaDB } from './schema';
import { createShop } from './settings';

let counter = 0;

export const TEST_SHOP: ShopSettings = {
  shopId: '01JTESTSHOP0000000000000000',
  cardKey: 'dGVzdC1jYXJkLWtleS10ZXN0LWNhcmQta2V5LXRlc3Q',
  name: 'Kopi Kita',
  stampsPerCard: 10,
  rewardName: 'Free coffee',
  currency: 'IDR',
  country: 'ID',
  ownerPin: { algorithm: 'PBKDF2-SHA256', iterations: 1, salt: '', hash: '' },
  createdAt: 1_700_000_000_000,
};

export async function freshDb(shop: ShopSettings | null = TEST_SHOP): Promise<SetiaDB> {
  counter += 1;
  const db = new SetiaDB(`test-${counter}-${Math.random()}`);
  if (shop) await createShop(db, shop);
  return db;
}

/** A member's fields with only a name (and maybe a phone) filled in. */
export const memberFields = (name: string, phone: string | null = null): MemberFields => ({
  name,
  phone,
  email: null,
  birthday: null,
  marketingConsent: false,
  consentAt: null,
  anonymised: false,
});
