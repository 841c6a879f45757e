/**
 * The server's tables, one set for every shop it hosts (each row carries its
 * shop_id, and every query filters on it). The log holds the shop's events and
 * member changes in server order (seq): pulling is "everything after my cursor".
 */
import type { Generated, Kysely, Migration } from 'kysely';

export interface ShopTable {
  id: string;
  /** ShopSettings as JSON (name, card key, owner PIN hash, program). */
  settings: string;
  /** Per setting, the hybrid clock of the edit it holds (JSON; migration 0002). */
  settings_clocks: Generated<string>;
  created_at: number;
}

export interface DeviceTable {
  id: string;
  shop_id: string;
  /** SHA-256 of the device's token, hex: the token itself is never stored. */
  token_hash: string;
  name: string;
  created_at: number;
  revoked_at: number | null;
}

export interface PairingCodeTable {
  code_hash: string;
  shop_id: string;
  expires_at: number;
}

export interface LogTable {
  seq: Generated<number>;
  shop_id: string;
  id: string;
  kind: 'event' | 'member' | 'settings';
  /** '' for a settings change. */
  member_id: string;
  body: string;
}

export interface MemberTable {
  /** Member ids are unique across shops: a second shop cannot write to one. */
  id: string;
  shop_id: string;
  /** Merged fields and their clocks (JSON), for the customer's card. */
  fields: string;
  clocks: string;
}

export interface Database {
  shops: ShopTable;
  devices: DeviceTable;
  pairing_codes: PairingCodeTable;
  log: LogTable;
  members: MemberTable;
}

export type Dialect = 'sqlite' | 'postgres';

/** Migrations run at start, in order; never edit one that has shipped. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-initial': {
      async up(db: Kysely<unknown>) {
        const big = dialect === 'postgres' ? 'bigint' : 'integer';
        await db.schema
          .createTable('shops')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('settings', 'text', (c) => c.notNull())
          .addColumn('created_at', big, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('devices')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('created_at', big, (c) => c.notNull())
          .addColumn('revoked_at', big)
          .execute();
        await db.schema
          .createTable('pairing_codes')
          .addColumn('code_hash', 'text', (c) => c.primaryKey())
          .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
          .addColumn('expires_at', big, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('log')
          .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('shop_id', 'text', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('member_id', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addUniqueConstraint('log_shop_item', ['shop_id', 'id'])
          .execute();
        await db.schema
          .createIndex('log_by_shop_seq')
          .on('log')
          .columns(['shop_id', 'seq'])
          .execute();
        await db.schema
          .createIndex('log_by_member')
          .on('log')
          .columns(['shop_id', 'member_id', 'seq'])
          .execute();
        await db.schema
          .createTable('members')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('shop_id', 'text', (c) => c.notNull())
          .addColumn('fields', 'text', (c) => c.notNull())
          .addColumn('clocks', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0002-settings-clocks': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('shops')
          .addColumn('settings_clocks', 'text', (c) => c.notNull().defaultTo('{}'))
          .execute();
      },
    },
  };
}
