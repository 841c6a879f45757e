/**
 * Owner → Messages, the reading part (runs in a worker): one pass over the
 * whole local ledger (rows, then packed history) feeds domain/audience.ts,
 * then every member row goes through the segment. Returns the count, those
 * already sent this campaign, the first few to send, and the CSV if asked.
 */
import { createAudience, stampDaysOfAudience, type Audience } from '../domain/audience';
import { shopDayOf } from '../domain/expiry';
import type { LedgerEvent } from '../domain/ledger';
import type { Member } from '../domain/member';
import {
  broadcastCsv,
  memberLanguage,
  renderMessage,
  sentTo,
  shopLanguageFor,
  type Campaign,
  type MessageLanguage,
} from '../domain/messages';
import { selectSegment, type Segment, type SegmentMatch } from '../domain/segments';
import type { ShopSettings } from '../domain/shop';
import { currentTier } from '../domain/stamp/tier';
import { eachPage, scanLedger } from './insights';
import type { SetiaDB } from './schema';
import { getShop } from './settings';

export interface AudienceRequest {
  now: number;
  /** The tablet's zone, for a shop saved without one. */
  zone: string;
  segment: Segment;
  /** The campaign being sent: its members already messaged are told apart. */
  campaignId: string | null;
  /** How many of those still to message to return (the screen's list). */
  limit: number;
  /** The campaign's messages for a WhatsApp Business broadcast tool. */
  csv?: Campaign;
}

/** A member still to message, as the screen needs them. */
export interface AudienceRow {
  id: string;
  name: string;
  phone: string;
  language: MessageLanguage | null;
  stamps: number;
  date: string | null;
}

export interface AudienceResult {
  /** Members in the segment who gave marketing consent and have a phone. */
  count: number;
  withoutConsent: number;
  alreadySent: number;
  toSendCount: number;
  toSend: AudienceRow[];
  csv: string | null;
  /** Where the time went (ms). */
  timings: { ledger: number; members: number; segment: number };
  events: number;
}

const MEMBER_PAGE = 5000;

/** Every event this tablet holds, once each (db/insights.ts scanLedger). */
export async function eachLedgerEvent(
  db: SetiaDB,
  visit: (e: LedgerEvent) => void,
  onProgress: (done: number) => void = () => undefined,
): Promise<number> {
  const scan = await scanLedger(db);
  const total = Math.max(1, scan.units);
  let done = 0;
  return scan.run(visit, (units) => onProgress(Math.min(1, (done += units) / total)));
}

/** The segment's context from the shop and the ledger's pass. */
function contextOf(shop: ShopSettings, audience: Audience, now: number, zone: string) {
  const dayOf = shopDayOf(shop, zone);
  const tiers = shop.program?.tiers ?? [];
  return {
    now,
    today: dayOf(now),
    dayOf,
    stampsPerCard: shop.stampsPerCard,
    expiry: shop.expiry ?? { mode: 'off' as const },
    tierOf: (m: Member) => {
      const a = audience.member(m.id);
      return a
        ? (currentTier(tiers, { visits: a.visits12, rewards: a.rewards12 })?.id ?? null)
        : null;
    },
    clubUntilOf: (m: Member) => audience.member(m.id)?.clubUntil ?? null,
  };
}

/** The date a message says, in the member's language and the shop's country ("12 March"). */
export function messageDate(day: string, language: MessageLanguage, country: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(`${language}-${country}`, {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(Date.UTC(y!, m! - 1, d!));
}

export async function readAudience(
  db: SetiaDB,
  request: AudienceRequest,
  onProgress: (done: number) => void = () => undefined,
): Promise<AudienceResult> {
  const shop = await getShop(db);
  if (!shop) throw new Error('shop.missing');
  const expiryOn = shop.expiry !== undefined && shop.expiry.mode !== 'off';
  const dayOf = shopDayOf(shop, request.zone);
  let lap = performance.now();
  const split = () => {
    const t = performance.now();
    const ms = Math.round(t - lap);
    lap = t;
    return ms;
  };
  const audience = createAudience({ now: request.now, dayOf, stampDays: expiryOn });
  const events = await eachLedgerEvent(
    db,
    (e) => audience.add(e),
    (d) => onProgress(d * 0.8),
  );
  const ledger = split();

  const members: Member[] = [];
  await eachPage<Member>(
    db.members,
    MEMBER_PAGE,
    (m) => m.id,
    (rows) => {
      for (const m of rows)
        members.push(
          expiryOn
            ? ({
                ...m,
                stats: { ...m.stats, stampDays: stampDaysOfAudience(audience.member(m.id)) },
              } as Member)
            : m,
        );
    },
  );
  const memberMs = split();

  const ctx = contextOf(shop, audience, request.now, request.zone);
  const { matches, withoutConsent } = selectSegment(members, request.segment, ctx);
  const merged = new Map<string, string>();
  for (const m of members) if (m.mergedInto) merged.set(m.id, m.mergedInto);
  const sent = request.campaignId
    ? sentTo(audience.sends(), request.campaignId, (id) => merged.get(id) ?? id)
    : new Map<string, number>();
  const toSend = matches.filter((m) => !sent.has(m.member.id));
  const row = (m: SegmentMatch): AudienceRow => ({
    id: m.member.id,
    name: m.member.name,
    phone: m.member.phone ?? '',
    language: memberLanguage(m.member),
    stamps: m.stamps,
    date: m.date,
  });
  let csv: string | null = null;
  if (request.csv) {
    const campaign = request.csv;
    const messageShop = {
      name: shop.name,
      rewardName: shop.rewardName,
      country: shop.country,
      language: shopLanguageFor(shop.country),
    };
    csv = broadcastCsv(
      toSend.map((m) => {
        const { language, text } = renderMessage(campaign, m, messageShop, (day, lang) =>
          messageDate(day, lang, shop.country),
        );
        return { name: m.member.name, phone: m.member.phone ?? '', language, message: text };
      }),
    );
  }
  const segment = split();
  onProgress(1);
  return {
    count: matches.length,
    withoutConsent,
    alreadySent: matches.length - toSend.length,
    toSendCount: toSend.length,
    toSend: toSend.slice(0, request.limit).map(row),
    csv,
    timings: { ledger, members: memberMs, segment },
    events,
  };
}
