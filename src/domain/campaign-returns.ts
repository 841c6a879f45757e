/**
 * What a campaign brought back: of the members it was sent to, those who came
 * for a stamp visit within 14 days after their message, and their share.
 * Fed the ledger event by event in any order (the insights pass), like
 * createInsights; undone sends and undone visits count nowhere.
 */
import { sendsInLedger, type LedgerRow } from './messages';

const DAY = 86_400_000;
export const RETURN_WINDOW_DAYS = 14;

export interface CampaignReturn {
  campaignId: string;
  /** Members the campaign was sent to. */
  messaged: number;
  /** Of them, members with a stamp visit within the window after their (first) message. */
  returned: number;
  /** returned / messaged, or null before anyone was messaged. */
  share: number | null;
  /** Each member messaged, when first, and their first visit in the window (null: not yet). */
  members: { memberId: string; sentAt: number; returnedAt: number | null }[];
}

export interface ReturnsOptions {
  windowDays?: number;
  /** A merged duplicate's visits and messages count for the member it was merged into. */
  keptMemberOf?: (memberId: string) => string;
}

export function createCampaignReturns({
  windowDays = RETURN_WINDOW_DAYS,
  keptMemberOf = (id) => id,
}: ReturnsOptions = {}) {
  const window = windowDays * DAY;
  const sendRows: LedgerRow[] = [];
  const reversed = new Set<string>();
  // Stamp visits side by side in flat lists: a million cost three pushes each, no object.
  const visitMember: string[] = [];
  const visitId: string[] = [];
  let visitAt = new Float64Array(1024);

  return {
    add(event: LedgerRow): void {
      if (event.type === 'stamp') {
        const n = visitMember.length;
        if (n === visitAt.length) {
          const more = new Float64Array(n * 2);
          more.set(visitAt);
          visitAt = more;
        }
        visitAt[n] = event.at;
        visitMember.push(event.memberId);
        visitId.push(event.id);
      } else if (event.type === 'message') sendRows.push(event);
      else if (event.type === 'reversal') {
        if (event.reverses) reversed.add(event.reverses);
        sendRows.push(event);
      }
    },

    finish(): Map<string, CampaignReturn> {
      // Each member's first message of each campaign.
      const first = new Map<string, Map<string, number>>();
      for (const send of sendsInLedger(sendRows)) {
        let byMember = first.get(send.campaignId);
        if (!byMember) first.set(send.campaignId, (byMember = new Map()));
        const id = keptMemberOf(send.memberId);
        const at = byMember.get(id);
        if (at === undefined || send.at < at) byMember.set(id, send.at);
      }
      // Per member messaged: [campaign, sent at, came back at] for each campaign.
      type Row = { campaignId: string; sentAt: number; returnedAt: number | null };
      const messaged = new Map<string, Row[]>();
      for (const [campaignId, byMember] of first)
        for (const [memberId, sentAt] of byMember) {
          let rows = messaged.get(memberId);
          if (!rows) messaged.set(memberId, (rows = []));
          rows.push({ campaignId, sentAt, returnedAt: null });
        }
      for (let i = 0; i < visitMember.length; i++) {
        const rows = messaged.get(keptMemberOf(visitMember[i]!));
        if (!rows) continue;
        const at = visitAt[i]!;
        for (const row of rows)
          if (
            at > row.sentAt &&
            at <= row.sentAt + window &&
            (row.returnedAt === null || at < row.returnedAt) &&
            !reversed.has(visitId[i]!)
          )
            row.returnedAt = at;
      }
      const out = new Map<string, CampaignReturn>();
      for (const [campaignId] of first)
        out.set(campaignId, { campaignId, messaged: 0, returned: 0, share: null, members: [] });
      for (const [memberId, rows] of messaged)
        for (const { campaignId, sentAt, returnedAt } of rows) {
          const r = out.get(campaignId)!;
          r.messaged += 1;
          if (returnedAt !== null) r.returned += 1;
          r.members.push({ memberId, sentAt, returnedAt });
        }
      for (const r of out.values()) r.share = r.messaged > 0 ? r.returned / r.messaged : null;
      return out;
    },
  };
}

/** The returns of every campaign in a ledger held in memory. */
export function campaignReturns(
  events: Iterable<LedgerRow>,
  options?: ReturnsOptions,
): Map<string, CampaignReturn> {
  const returns = createCampaignReturns(options);
  for (const e of events) returns.add(e);
  return returns.finish();
}
