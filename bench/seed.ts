/**
 * A deterministic shop for benchmarks: members with Indonesian, Malay and
 * Vietnamese names and phones, and a ledger of visits and redemptions.
 *
 * How it is stored is the app's own bulk path (the one a tablet uses when it
 * joins a large shop): one row per member, with stats folded from its history
 * by the domain's foldLedger, and the history itself in packs of 1,000 events
 * per row. One row per event would take Chromium minutes (≈4,500 rows/s here).
 */
import { foldLedger } from '../src/domain/balance';
import type { LedgerEvent } from '../src/domain/ledger';
import type { Member } from '../src/domain/member';
import { phoneKeys } from '../src/domain/phone';
import { nameWords } from '../src/domain/text';

export const STAMPS_PER_CARD = 10;
const DAY = 24 * 3600_000;

function prng(seed: number): () => number {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Siti',
  'Budi',
  'Agus',
  'Dewi',
  'Putri',
  'Rizky',
  'Ahmad',
  'Nurul',
  'Aisyah',
  'Farah',
  'Hafiz',
  'Wei Ling',
  'Mei',
  'Rahmat',
  'Indah',
  'Yusuf',
  'Lestari',
  'Bayu',
  'Citra',
  'Dian',
  'Eko',
  'Fitri',
  'Gilang',
  'Hana',
  'Irfan',
  'Joko',
  'Kartika',
  'Lina',
  'Maya',
  'Nanda',
];
const LAST = [
  'Rahma',
  'Santoso',
  'Wijaya',
  'Lestari',
  'Pratama',
  'Hidayat',
  'Abdullah',
  'Ismail',
  'Tan',
  'Lim',
  'Hassan',
  'Saputra',
  'Kusuma',
  'Halim',
  'Nugroho',
  'Setiawan',
  'Rahman',
  'Yusof',
  'Chong',
  'Razak',
];
const VN_FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
];
const VN_MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Đức', 'Thanh', 'Hữu', 'Quốc'];
const VN_GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Hà',
  'Hạnh',
  'Hùng',
  'Lan',
  'Linh',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Đào',
];

export interface SeedShop {
  members: Member[];
  packs: { id: string; events: LedgerEvent[] }[];
  eventCount: number;
}

export function generateShop(
  memberCount: number,
  eventCount: number,
  now: number,
  seed = 42,
): SeedShop {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const members: Member[] = [];
  const allEvents: LedgerEvent[] = [];
  const devices = ['bench-a', 'bench-b', 'bench-c'];
  const seqs = new Map(devices.map((d) => [d, 0]));
  const perMember = eventCount / memberCount;
  let eventsLeft = eventCount;

  for (let i = 0; i < memberCount; i++) {
    const kind = rand();
    const name =
      kind < 0.3
        ? `${pick(VN_FAMILY)} ${pick(VN_MIDDLE)} ${pick(VN_GIVEN)}`
        : `${pick(FIRST)} ${pick(LAST)}`;
    const digits = String(10_000_000 + Math.floor(rand() * 89_999_999));
    const e164 =
      kind < 0.3
        ? `+849${digits.slice(0, 8)}`
        : kind < 0.5
          ? `+601${digits.slice(0, 8)}`
          : `+628${digits}`;
    const joinedAt = now - Math.floor(rand() * 730) * DAY;
    const id = `m${String(i).padStart(7, '0')}`;
    // Regulars and one-time visitors: an exponential spread around the mean.
    const membersLeft = memberCount - i;
    let n = Math.max(1, Math.round(-Math.log(1 - rand() * 0.999) * perMember));
    n = Math.min(n, eventsLeft - (membersLeft - 1));
    if (i === memberCount - 1) n = eventsLeft;
    eventsLeft -= n;
    const events: LedgerEvent[] = [];
    let balance = 0;
    let at = joinedAt;
    for (let k = 0; k < n; k++) {
      at += Math.floor(rand() * ((now - at) / Math.max(1, n - k)));
      const deviceId = pick(devices);
      const seq = seqs.get(deviceId)! + 1;
      seqs.set(deviceId, seq);
      const base = { id: `${deviceId}-${seq}`, memberId: id, at, deviceId, seq, staffId: 'owner' };
      if (balance >= STAMPS_PER_CARD && rand() < 0.7) {
        events.push({
          ...base,
          type: 'redeem',
          stamps: -STAMPS_PER_CARD,
          rewardId: 'card',
          rewardName: 'Free coffee',
        });
        balance -= STAMPS_PER_CARD;
      } else {
        const q = pick([1, 1, 1, 2, 3]);
        events.push({ ...base, type: 'stamp', stamps: q, quantity: q });
        balance += q;
      }
    }
    const stats = foldLedger(events);
    members.push({
      id,
      name,
      phone: e164,
      email: null,
      birthday: null,
      marketingConsent: rand() < 0.4,
      consentAt: null,
      anonymised: false,
      joinedAt,
      nameWords: nameWords(name),
      phoneKeys: phoneKeys(e164),
      clocks: {},
      stats,
      base: stats,
    });
    for (const e of events) allEvents.push(e);
  }
  const packs = [];
  for (let i = 0; i < allEvents.length; i += 1000)
    packs.push({
      id: `seed-${String(i / 1000).padStart(6, '0')}`,
      events: allEvents.slice(i, i + 1000),
    });
  return { members, packs, eventCount: allEvents.length };
}

/** What a cashier types to find someone in the seeded shop: starts of its names. */
export const NAME_QUERIES = [
  'si',
  'bud',
  'nguy',
  'dew',
  'tran',
  'lin',
  'ahm',
  'wei',
  'ha',
  'pu',
  'rizky sa',
  'le th',
  'maya',
  'van',
  'ngoc',
  'fitri',
  'tan',
  'lim',
  'an',
  'dao',
];
