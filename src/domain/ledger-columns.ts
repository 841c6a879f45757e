/**
 * A ledger kept as columns (typed arrays and a few string lists): what the
 * insights read of each event, in a form that stores and loads in one piece.
 * A million events as objects take seconds to load from IndexedDB; as columns,
 * a fraction of that. Used to cache the packed history, which never changes.
 * Rare fields (ratings, comments, club sales, reversals, unknown types) are kept
 * sparsely, so every event decodes to what insights would have read from it.
 */
import type { ClubSale, LedgerEvent } from './ledger';

const TYPES = ['stamp', 'bonus', 'redeem', 'adjustment', 'reversal', 'club'] as const;
const OTHER = 255;
const OVERRIDE = 1;
const DONATION = 2;

export interface LedgerColumns {
  count: number;
  /** Event ids joined by "\n". */
  ids: string;
  at: Float64Array;
  stamps: Float64Array;
  member: Uint32Array;
  staff: Uint32Array;
  type: Uint8Array;
  flags: Uint8Array;
  memberIds: string[];
  staffIds: string[];
  /** By event index: what only some events carry. */
  extras: Record<
    number,
    {
      type?: string;
      reverses?: string;
      reversed?: LedgerEvent['reversed'];
      rating?: number;
      comment?: string;
      club?: ClubSale;
      campaignId?: string;
      channel?: LedgerEvent['channel'];
    }
  >;
}

export function createColumnsBuilder() {
  let size = 1024;
  let n = 0;
  const ids: string[] = [];
  let at = new Float64Array(size);
  let stamps = new Float64Array(size);
  let member = new Uint32Array(size);
  let staff = new Uint32Array(size);
  let type = new Uint8Array(size);
  let flags = new Uint8Array(size);
  const memberIndex = new Map<string, number>();
  const staffIndex = new Map<string, number>();
  const extras: LedgerColumns['extras'] = {};
  const intern = (map: Map<string, number>, key: string) => {
    let i = map.get(key);
    if (i === undefined) map.set(key, (i = map.size));
    return i;
  };
  const grow = () => {
    size *= 2;
    const more = <T extends Float64Array | Uint32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    [at, stamps, member, staff, type, flags] = [
      more(at),
      more(stamps),
      more(member),
      more(staff),
      more(type),
      more(flags),
    ];
  };

  return {
    add(event: LedgerEvent): void {
      if (n === size) grow();
      const e = event as LedgerEvent & Record<string, unknown>;
      ids.push(e.id);
      at[n] = e.at;
      stamps[n] = e.stamps;
      member[n] = intern(memberIndex, e.memberId);
      staff[n] = intern(staffIndex, e.staffId);
      const code = (TYPES as readonly string[]).indexOf(e.type);
      type[n] = code < 0 ? OTHER : code;
      flags[n] =
        (typeof e.override === 'object' && e.override !== null ? OVERRIDE : 0) |
        (e.rewardKind === 'donation' ? DONATION : 0);
      const extra: LedgerColumns['extras'][number] = {};
      if (code < 0) extra.type = e.type;
      if (e.reverses) extra.reverses = e.reverses;
      // Messages need what an undo undid (expiry's stamp days) and which campaign a send was.
      if (e.reversed) extra.reversed = e.reversed;
      if (e.campaignId) extra.campaignId = e.campaignId;
      if (e.channel) extra.channel = e.channel;
      if (typeof e.rating === 'number') extra.rating = e.rating;
      if (typeof e.comment === 'string') extra.comment = e.comment;
      if (e.type === 'club' && e.club) extra.club = e.club;
      if (Object.keys(extra).length > 0) extras[n] = extra;
      n += 1;
    },
    finish(): LedgerColumns {
      return {
        count: n,
        ids: ids.join('\n'),
        at: at.slice(0, n),
        stamps: stamps.slice(0, n),
        member: member.slice(0, n),
        staff: staff.slice(0, n),
        type: type.slice(0, n),
        flags: flags.slice(0, n),
        memberIds: [...memberIndex.keys()],
        staffIds: [...staffIndex.keys()],
        extras,
      };
    },
  };
}

/** Each event back, with the fields insights read (device and sequence are not kept). */
export function eachColumnEvent(cols: LedgerColumns, visit: (event: LedgerEvent) => void): void {
  const ids = cols.count > 0 ? cols.ids.split('\n') : [];
  for (let i = 0; i < cols.count; i++) {
    const extra = cols.extras[i];
    const code = cols.type[i]!;
    const flags = cols.flags[i]!;
    const event: LedgerEvent & Record<string, unknown> = {
      id: ids[i]!,
      memberId: cols.memberIds[cols.member[i]!]!,
      type: (code === OTHER ? extra?.type : TYPES[code]) as LedgerEvent['type'],
      stamps: cols.stamps[i]!,
      at: cols.at[i]!,
      deviceId: '',
      staffId: cols.staffIds[cols.staff[i]!]!,
      seq: 0,
    };
    if (flags & OVERRIDE) event.override = { reason: '' };
    if (flags & DONATION) event.rewardKind = 'donation';
    if (extra) {
      if (extra.reverses) event.reverses = extra.reverses;
      if (extra.rating !== undefined) event.rating = extra.rating;
      if (extra.comment !== undefined) event.comment = extra.comment;
      if (extra.club !== undefined) event.club = extra.club;
      if (extra.reversed !== undefined) event.reversed = extra.reversed;
      if (extra.campaignId !== undefined) event.campaignId = extra.campaignId;
      if (extra.channel !== undefined) event.channel = extra.channel;
    }
    visit(event);
  }
}
