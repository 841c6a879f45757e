/**
 * Micro-benchmark in Node (not part of `npm run bench` yet): segments for
 * Messages, expiry and campaign returns over the benchmark shop of 100,000
 * members and 1,000,000 events (bench/seed.ts).
 *
 *   npx tsx bench/segments.node.ts [members] [events]
 *
 * Prints the median and worst of a few runs of each step, and the size of
 * the stamp days the member stats would cache.
 */
import { dayInZone } from '../src/domain/calendar';
import { campaignReturns } from '../src/domain/campaign-returns';
import { foldExpiryStats, outstandingRewards, type ExpiryRule } from '../src/domain/expiry';
import type { LedgerEvent } from '../src/domain/ledger';
import type { Member } from '../src/domain/member';
import type { LedgerRow } from '../src/domain/messages';
import {
  countSegments,
  DEFAULT_SEGMENTS,
  selectSegment,
  type Segment,
} from '../src/domain/segments';
import { generateShop, STAMPS_PER_CARD } from './seed';

const memberCount = Number(process.argv[2] ?? 100_000);
const eventCount = Number(process.argv[3] ?? 1_000_000);
const DAY = 86_400_000;
const now = Date.UTC(2026, 2, 12, 5);
const dayOf = dayInZone('Asia/Jakarta');
const today = dayOf(now);

/**
 * Wall time, and the process's CPU time: on a shared machine the CPU time is
 * the better guess of the wall time on an idle one (this code is single-threaded).
 */
function time<T>(what: string, runs: number, fn: () => T): T {
  const walls: number[] = [];
  const cpus: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    result = fn();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ms = (x: number) => x.toFixed(1).padStart(8);
  console.log(
    `${what.padEnd(52)} cpu median ${ms(median(cpus))} ms  max ${ms(Math.max(...cpus))} ms   wall median ${ms(median(walls))} ms`,
  );
  return result;
}

const shop = time(`generate ${memberCount} members, ${eventCount} events`, 1, () =>
  generateShop(memberCount, eventCount, now),
);
// The seed has no birthdays or clubs: give some members each, deterministically.
const clubUntil = new Map<string, number>();
shop.members.forEach((m, i) => {
  if (i % 3 === 0) {
    const born = Date.UTC(1970 + (i % 30), 0, 1) + ((i * 7919) % 365) * DAY;
    m.birthday = new Date(born).toISOString().slice(0, 10);
  }
  if (i % 20 === 0) clubUntil.set(m.id, now + ((i % 40) - 10) * DAY);
});

const byMember = new Map<string, LedgerEvent[]>();
const allEvents: LedgerEvent[] = [];
for (const pack of shop.packs)
  for (const e of pack.events) {
    allEvents.push(e);
    let list = byMember.get(e.memberId);
    if (!list) byMember.set(e.memberId, (list = []));
    list.push(e);
  }

const members: Member[] = time('fold stats + stamp days of every member (a rebuild)', 1, () =>
  shop.members.map((m) => ({
    ...m,
    stats: foldExpiryStats(byMember.get(m.id) ?? [], undefined, dayOf),
  })),
);
let entries = 0;
let bytes = 0;
for (const m of members) {
  const days = (m.stats as { stampDays?: unknown[] }).stampDays ?? [];
  entries += days.length;
  bytes += JSON.stringify(days).length;
}
console.log(
  `stamp days: ${(entries / members.length).toFixed(1)} per member, ${(bytes / members.length).toFixed(0)} bytes of JSON per member (${(bytes / 1e6).toFixed(1)} MB in all)`,
);

const expiry: ExpiryRule = { mode: 'lastVisit', months: 6, since: '2025-01-01' };
const ctx = {
  now,
  today,
  dayOf,
  stampsPerCard: STAMPS_PER_CARD,
  expiry,
  clubUntilOf: (m: Member) => clubUntil.get(m.id) ?? null,
  tierOf: (m: Member) => (m.stats.visits >= 20 ? 'gold' : null),
};
const segments: Segment[] = [...DEFAULT_SEGMENTS, { kind: 'tier', tierId: 'gold' }];

const counts = time('count 7 segments in one pass (expiry on)', 5, () =>
  countSegments(members, segments, ctx),
);
console.log(
  `  reachable ${counts.reachable}; ${segments.map((s, i) => `${s.kind} ${counts.counts[i]}`).join(', ')}`,
);
time('count 7 segments in one pass (expiry off)', 5, () =>
  countSegments(members, segments, { ...ctx, expiry: { mode: 'off' } }),
);
for (const segment of segments)
  time(`select ${segment.kind}`, 5, () => selectSegment(members, segment, ctx));
time('outstanding rewards after expiry', 5, () =>
  outstandingRewards(members, expiry, today, STAMPS_PER_CARD, dayOf),
);

// A campaign sent 30 days ago to every member with consent then: some came back since.
const everyone = selectSegment(members, { kind: 'everyone' }, ctx).matches;
const sends: LedgerRow[] = everyone.map((m, i) => ({
  id: `send-${i}`,
  memberId: m.member.id,
  type: 'message',
  at: now - 30 * DAY + i,
  deviceId: 'owner',
  staffId: 'owner',
  campaignId: 'c1',
  channel: 'whatsapp',
}));
const ledger: LedgerRow[] = [...allEvents, ...sends];
// Calibration: the machine is shared, so say how long merely reading the events takes.
time(`a bare pass over ${ledger.length} events (reference)`, 5, () => {
  let visits = 0;
  for (const e of ledger) if (e.type === 'stamp') visits += 1;
  return visits;
});
const returns = time(`campaign returns over ${ledger.length} events`, 5, () =>
  campaignReturns(ledger),
);
const c1 = returns.get('c1');
console.log(`  c1: messaged ${c1?.messaged}, back within 14 days ${c1?.returned}`);
