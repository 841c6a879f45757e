/**
 * What Messages needs of the whole ledger, in one pass over it (any order, as
 * a worker streams rows and packs): per member, the stamp days expiry reads
 * (only when expiry is on), the visits and rewards of the last 12 months (for
 * tiers) and when a paid club membership ends; the campaigns' sends; and the
 * campaigns' returns. Member rows then get these and go through segments.ts.
 *
 * Kept compact for 1,000,000 events: no event is held, only a few numbers per
 * member and day. An undo counts on its own day, with the effect it recorded
 * (exact stamp days use the undone event's day: only an undo across local
 * midnight differs, by a day, and an undo is made within minutes).
 */
import type { LocalDate } from './calendar';
import { createCampaignReturns, type CampaignReturn } from './campaign-returns';
import type { StampDay } from './expiry';
import type { LedgerEvent } from './ledger';
import { sendsInLedger, type LedgerRow, type MessageSend } from './messages';
import { YEAR_MS } from './stamp/decision';

export interface AudienceMember {
  /** Per local day: [earned, spent, visits]; only when expiry is on. */
  days: Map<LocalDate, [number, number, number]> | null;
  visits12: number;
  rewards12: number;
  clubUntil: number | null;
}

export interface AudienceOptions {
  now: number;
  dayOf: (at: number) => LocalDate;
  /** Stamp days cost a map per member: only when the shop's stamps expire. */
  stampDays: boolean;
  /** Campaign returns (Insights): keep stamp visits too. */
  returns?: boolean;
}

export function createAudience({ now, dayOf, stampDays, returns = false }: AudienceOptions) {
  const members = new Map<string, AudienceMember>();
  const sendRows: LedgerRow[] = [];
  const campaignReturns = returns ? createCampaignReturns() : null;
  const memberOf = (id: string): AudienceMember => {
    let m = members.get(id);
    if (!m)
      members.set(
        id,
        (m = { days: stampDays ? new Map() : null, visits12: 0, rewards12: 0, clubUntil: null }),
      );
    return m;
  };

  const count = (m: AudienceMember, at: number, type: string, stamps: number, sign: 1 | -1) => {
    // The same 12 months as the counter's standing (yearCounts): a visit a full year old has left.
    const recent = now - at < YEAR_MS && at <= now;
    if (type === 'stamp' && recent) m.visits12 += sign;
    if (type === 'redeem' && recent) m.rewards12 += sign;
    if (!m.days) return;
    const day = dayOf(at);
    let entry = m.days.get(day);
    if (!entry) m.days.set(day, (entry = [0, 0, 0]));
    const earn = type === 'stamp' || type === 'bonus' || (type !== 'redeem' && stamps >= 0);
    if (earn) entry[0] += sign * stamps;
    else entry[1] -= sign * stamps;
    if (type === 'stamp') entry[2] += sign;
  };

  return {
    add(e: LedgerEvent): void {
      if (e.type === 'message' || e.type === 'reversal') sendRows.push(e);
      campaignReturns?.add(e);
      if (e.type === 'message') return;
      const m = memberOf(e.memberId);
      if (e.type === 'reversal') {
        // An undo of an undo is rare (two tablets' undos cross): it is left out here.
        const undone = e.reversed ?? {
          type: e.stamps < 0 ? ('bonus' as const) : ('redeem' as const),
          stamps: -e.stamps,
        };
        if (undone.type !== 'reversal') count(m, e.at, undone.type, undone.stamps, -1);
        return;
      }
      if (e.type === 'club') {
        const until = e.club?.until;
        if (typeof until === 'number' && (m.clubUntil === null || until > m.clubUntil))
          m.clubUntil = until;
        return;
      }
      count(m, e.at, e.type, e.stamps, 1);
    },

    member(id: string): AudienceMember | undefined {
      return members.get(id);
    },

    sends(): MessageSend[] {
      return sendsInLedger(sendRows);
    },

    returns(): Map<string, CampaignReturn> {
      return campaignReturns ? campaignReturns.finish() : new Map();
    },
  };
}

export type Audience = ReturnType<typeof createAudience>;

/** A member's stamp days as expiry reads them, oldest first. */
export function stampDaysOfAudience(m: AudienceMember | undefined): StampDay[] {
  if (!m?.days) return [];
  const out: StampDay[] = [];
  for (const [day, [earned, spent, visits]] of m.days)
    if (earned !== 0 || spent !== 0 || visits !== 0) out.push([day, earned, spent, visits]);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
