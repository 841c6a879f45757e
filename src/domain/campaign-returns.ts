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
  /** Per member, their stamp visits: times and ids side by side (a million fit). */
  const visits = new Map<string, { at: number[]; id: string[] }>();

  return {
    add(event: LedgerRow): void {
      if (event.type === 'reversal') {
        if (event.reverses) reversed.add(event.reverses);
        sendRows.push(event);
      } else if (event.type === 'message') sendRows.push(event);
      else if (event.type === 'stamp') {
        const id = keptMemberOf(event.memberId);
        let v = visits.get(id);
        if (!v) visits.set(id, (v = { at: [], id: [] }));
        v.at.push(event.at);
        v.id.push(event.id);
      }
    },

    finish(): Map<string, CampaignReturn> {
      const first = new Map<string, Map<string, number>>();
      for (const send of sendsInLedger(sendRows)) {
        let byMember = first.get(send.campaignId);
        if (!byMember) first.set(send.campaignId, (byMember = new Map()));
        const id = keptMemberOf(send.memberId);
        const at = byMember.get(id);
        if (at === undefined || send.at < at) byMember.set(id, send.at);
      }
      const out = new Map<string, CampaignReturn>();
      for (const [campaignId, byMember] of first) {
        const members: CampaignReturn['members'] = [];
        let returned = 0;
        for (const [memberId, sentAt] of byMember) {
          const v = visits.get(memberId);
          let returnedAt: number | null = null;
          if (v)
            for (let i = 0; i < v.at.length; i++) {
              const at = v.at[i]!;
              if (at > sentAt && at <= sentAt + window && !reversed.has(v.id[i]!))
                if (returnedAt === null || at < returnedAt) returnedAt = at;
            }
          if (returnedAt !== null) returned += 1;
          members.push({ memberId, sentAt, returnedAt });
        }
        out.set(campaignId, {
          campaignId,
          messaged: members.length,
          returned,
          share: members.length > 0 ? returned / members.length : null,
          members,
        });
      }
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
