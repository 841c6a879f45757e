/**
 * Owner → Messages, the writing part: a campaign is saved in the shop's
 * settings (synced, merged by id); each message sent is a 'message' ledger
 * event through the outbox like every other write, so every tablet knows the
 * member got this campaign and nobody is sent it twice.
 */
import {
  messageSendDraft,
  sendsInLedger,
  type Campaign,
  type MessageChannel,
} from '../domain/messages';
import { appendEvent, LedgerRuleError, memberEvents, requireMember, WRITE_TABLES } from './ledger';
import { openOutbox } from './outbox';
import type { SetiaDB } from './schema';
import { getShop, updateShop } from './settings';

/** Adds a campaign to the shop's list (ids are ULIDs: the list stays in the order they were made). */
export async function saveCampaign(db: SetiaDB, campaign: Campaign, now: number): Promise<void> {
  const shop = await getShop(db);
  if (!shop) throw new Error('shop.missing');
  const others = (shop.campaigns ?? []).filter((c) => c.id !== campaign.id);
  await updateShop(db, { campaigns: [...others, campaign] }, now);
}

/**
 * Records that the member was sent the campaign, in one transaction with the
 * check that this tablet does not know of a send already (another tablet's
 * send that has not synced yet is found by the next sync: the member then
 * shows as sent, and Insights counts them once).
 */
export async function recordSend(
  db: SetiaDB,
  campaignId: string,
  memberId: string,
  channel: MessageChannel,
  staffId: string,
  now: number,
): Promise<void> {
  await db.transaction('rw', WRITE_TABLES(db), async () => {
    const [member, events, outbox] = await Promise.all([
      requireMember(db, memberId),
      memberEvents(db, memberId),
      openOutbox(db, now),
    ]);
    if (sendsInLedger(events).some((s) => s.campaignId === campaignId))
      throw new LedgerRuleError('message.alreadySent');
    await appendEvent(
      db,
      member,
      messageSendDraft(campaignId, memberId, channel, staffId, now),
      now,
      outbox,
    );
  });
}
