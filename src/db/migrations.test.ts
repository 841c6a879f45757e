/** A tablet opening a database written by an older version keeps everything it had to sync. */
import { describe, expect, it } from 'vitest';
import { hlcToString } from '../domain/hlc';
import type { LedgerEvent } from '../domain/ledger';
import { getDevice } from './device';
import { SetiaDB } from './schema';
import { getSettingClocks, getShop } from './settings';
import { TEST_SHOP } from './test-db';
import { writeVersion5 } from './testing/version-5';

const DEVICE = 'dev5abcdef';
const clock = (millis: number) => hlcToString({ millis, counter: 0, node: DEVICE });
const stamp: LedgerEvent = {
  id: '01JSTAMP000000000000000000',
  memberId: '01JMEMBER00000000000000000',
  type: 'stamp',
  stamps: 1,
  quantity: 1,
  at: 1_750_000_000_000,
  deviceId: DEVICE,
  staffId: 'owner',
  seq: 3,
};
const name = () => `old-${Math.random()}`;

describe('version 6: settings edits move into the outbox', () => {
  it('turns the settings still pending into outbox items, numbered after its other writes', async () => {
    const db = name();
    const shop = { ...TEST_SHOP, name: 'Kopi Baru', rewardName: 'Free tea', stampsPerCard: 8 };
    const [first, second] = [clock(1_750_000_001_000), clock(1_750_000_002_000)];
    await writeVersion5(db, {
      settings: [
        { key: 'shop', value: shop },
        { key: 'device', value: { deviceId: DEVICE, seq: 3, hlc: second } },
        {
          key: 'shopSync',
          value: {
            clocks: { name: first, rewardName: second, stampsPerCard: second, currency: first },
            // The currency edit was acknowledged already: it is not pending.
            pending: ['name', 'rewardName', 'stampsPerCard'],
          },
        },
      ],
      events: [stamp],
    });

    const upgraded = new SetiaDB(db);
    expect(await upgraded.settingsChanges.toArray()).toEqual([
      { deviceId: DEVICE, seq: 4, hlc: first, fields: { name: 'Kopi Baru' } },
      {
        deviceId: DEVICE,
        seq: 5,
        hlc: second,
        fields: { rewardName: 'Free tea', stampsPerCard: 8 },
      },
    ]);
    expect(await getDevice(upgraded)).toEqual({ deviceId: DEVICE, seq: 5, hlc: second });
    expect((await upgraded.settings.get('shopSync'))?.value).toEqual({
      clocks: { name: first, rewardName: second, stampsPerCard: second, currency: first },
    });
    expect(await getSettingClocks(upgraded)).toMatchObject({ name: first });
    // Nothing else changed.
    expect(await getShop(upgraded)).toEqual(shop);
    expect(await upgraded.events.toArray()).toEqual([stamp]);
    upgraded.close();
  });

  it('adds nothing when no setting was pending', async () => {
    const db = name();
    await writeVersion5(db, {
      settings: [
        { key: 'shop', value: TEST_SHOP },
        { key: 'device', value: { deviceId: DEVICE, seq: 3, hlc: clock(1) } },
        { key: 'shopSync', value: { clocks: { name: clock(1) }, pending: [] } },
      ],
    });
    const upgraded = new SetiaDB(db);
    expect(await upgraded.settingsChanges.count()).toBe(0);
    expect(await getDevice(upgraded)).toMatchObject({ seq: 3 });
    expect(await getSettingClocks(upgraded)).toEqual({ name: clock(1) });
    upgraded.close();
  });
});
