/**
 * What the sync server does with its database, one module per thing it
 * stores: shops, devices and pairing (devices.ts), the log that push and pull
 * go through (log.ts), and the customer's card and ratings (cards.ts). Every
 * query is scoped to one shop. The Store holds the connection and is what the
 * routes call.
 */
import type { Kysely } from 'kysely';
import type { ShopSettings } from '../../domain/shop';
import type {
  CardReply,
  DeviceGrant,
  DeviceInfo,
  PullReply,
  PushReply,
  PushRequest,
} from '../../shared/sync-protocol';
import * as cards from './cards';
import { connect, type StoreOptions } from './connect';
import * as devices from './devices';
import * as log from './log';
import { DEFAULT_QUOTAS, type Quotas } from './quota';
import type { Database, DeviceRole, Dialect } from './schema';
import { admitShop, createSignupCode, type SignupPolicy } from './signup';
import type { DeviceAuth } from './store-error';

export { StoreError, type DeviceAuth } from './store-error';
export { PAIRING_CODE_TTL_MS } from './devices';
export { SERVER_DEVICE } from './cards';
export { type Quotas, quotasFromEnv, DEFAULT_QUOTAS } from './quota';
export { type SignupPolicy, type SignupMode, signupFromEnv } from './signup';

export class Store {
  private constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    /** Per-shop limits on what pushes store (quota.ts). */
    readonly quotas: Quotas,
    /** Made with the database (server_identity); a restored backup keeps it. */
    readonly serverId: string,
  ) {}

  static async open(options: StoreOptions & { quotas?: Quotas } = {}): Promise<Store> {
    const { db, dialect } = await connect(options);
    const identity = await db.selectFrom('server_identity').select('id').executeTakeFirstOrThrow();
    return new Store(db, dialect, options.quotas ?? DEFAULT_QUOTAS, identity.id);
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  /** Registers a shop if the sign-up policy lets it in (`first` when not said). */
  registerShop(
    shop: ShopSettings,
    deviceName: string,
    now: number,
    signup: { policy: SignupPolicy; code?: string } = { policy: { mode: 'first' } },
  ): Promise<DeviceGrant> {
    return devices.registerShop(this.db, shop, deviceName, now, (trx) =>
      admitShop(trx, this.dialect, signup.policy, shop.shopId, signup.code, now),
    );
  }

  createSignupCode(now = Date.now()): Promise<string> {
    return createSignupCode(this.db, now);
  }

  shop(shopId: string): Promise<ShopSettings> {
    return devices.shopSettings(this.db, shopId);
  }

  authenticate(token: string): Promise<DeviceAuth | null> {
    return devices.authenticate(this.db, token);
  }

  createPairingCode(
    shopId: string,
    now: number,
    role: DeviceRole = 'counter',
  ): Promise<{ code: string; expiresAt: number }> {
    return devices.createPairingCode(this.db, shopId, now, role);
  }

  join(code: string, deviceName: string, now: number): Promise<DeviceGrant | null> {
    return devices.join(this.db, code, deviceName, now);
  }

  devices(shopId: string): Promise<DeviceInfo[]> {
    return devices.devices(this.db, shopId);
  }

  revoke(shopId: string, deviceId: string, now: number): Promise<boolean> {
    return devices.revoke(this.db, shopId, deviceId, now);
  }

  push(auth: DeviceAuth, request: PushRequest, now = auth.now ?? Date.now()): Promise<PushReply> {
    return log.push(this.db, this.dialect, auth, request, this.quotas, now);
  }

  pull(shopId: string, cursor: number, limit: number): Promise<PullReply> {
    return log.pull(this.db, shopId, cursor, limit, this.serverId);
  }

  /** The shop's name and country for a card token that verifies (the installed card's manifest). */
  async cardShop(token: string): Promise<{ name: string; country: string } | null> {
    const found = await cards.cardShop(this.db, token);
    return found && { name: found.shop.name, country: found.shop.country };
  }

  card(token: string, now = Date.now()): Promise<CardReply | null> {
    return cards.card(this.db, token, now);
  }

  /** `gapMs`: the per-card pause between tries (tests set 0 to race ratings at the database). */
  feedback(
    token: string,
    rating: number,
    comment: string | undefined,
    now: number,
    gapMs?: number,
  ) {
    return cards.feedback(this.db, this.dialect, token, rating, comment, now, gapMs);
  }
}
