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
import type { Database, Dialect } from './schema';
import type { DeviceAuth } from './store-error';

export { StoreError, type DeviceAuth } from './store-error';
export { PAIRING_CODE_TTL_MS } from './devices';
export { SERVER_DEVICE } from './cards';

export class Store {
  private constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
  ) {}

  static async open(options: StoreOptions = {}): Promise<Store> {
    const { db, dialect } = await connect(options);
    return new Store(db, dialect);
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  registerShop(shop: ShopSettings, deviceName: string, now: number): Promise<DeviceGrant> {
    return devices.registerShop(this.db, shop, deviceName, now);
  }

  shop(shopId: string): Promise<ShopSettings> {
    return devices.shopSettings(this.db, shopId);
  }

  authenticate(token: string): Promise<DeviceAuth | null> {
    return devices.authenticate(this.db, token);
  }

  createPairingCode(shopId: string, now: number): Promise<{ code: string; expiresAt: number }> {
    return devices.createPairingCode(this.db, shopId, now);
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

  push(auth: DeviceAuth, request: PushRequest): Promise<PushReply> {
    return log.push(this.db, auth, request);
  }

  pull(shopId: string, cursor: number, limit: number): Promise<PullReply> {
    return log.pull(this.db, shopId, cursor, limit);
  }

  card(token: string, now = Date.now()): Promise<CardReply | null> {
    return cards.card(this.db, token, now);
  }

  feedback(token: string, rating: number, comment: string | undefined, now: number) {
    return cards.feedback(this.db, token, rating, comment, now);
  }
}
