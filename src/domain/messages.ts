/**
 * Messages to members: a campaign (a segment and a text per language with
 * placeholders), its text for one member in the member's language, the link
 * that opens WhatsApp (wa.me click-to-chat, text filled in) or Zalo (the chat;
 * Zalo links take no text, so it is copied), the CSV that WhatsApp Business
 * broadcast tools import, and who already got a campaign.
 *
 * Sending is one tap per member on the owner's device; each send is recorded
 * (proposed: a ledger event of type 'message', 0 stamps) so that no tablet
 * offers the same campaign to the same member twice.
 */
import { BOM, neutralise, toCsv } from './csv';
import { firstName, type Member } from './member';
import type { Segment, SegmentError, SegmentMatch } from './segments';
import { validateSegment } from './segments';
import { charCount } from './text';

export const MESSAGE_LANGUAGES = ['en', 'id', 'ms', 'vi'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export const PLACEHOLDERS = ['name', 'shop', 'stamps', 'reward', 'date'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const CAMPAIGN_NAME_MAX = 60;
/** Campaigns kept in the shop's settings (they travel with every settings sync). */
export const CAMPAIGNS_MAX = 200;
/** Long enough for a real message; a wa.me link of it stays well under what phones open. */
export const MESSAGE_MAX = 1000;

export interface Campaign {
  /** ULID, made on the owner's device. */
  id: string;
  /** For the owner, e.g. "Miss you — March". */
  name: string;
  segment: Segment;
  /** The message in each language the owner wrote; the shop's language at least. */
  texts: Partial<Record<MessageLanguage, string>>;
  createdAt: number;
}

export type MessageChannel = 'whatsapp' | 'zalo' | 'broadcast';

/** The language a shop writes in by default: its country's. */
export function shopLanguageFor(country: string): MessageLanguage {
  return country === 'ID' ? 'id' : country === 'MY' ? 'ms' : country === 'VN' ? 'vi' : 'en';
}

/** Vietnamese shops message through Zalo; everyone else through WhatsApp. */
export function channelFor(country: string): 'whatsapp' | 'zalo' {
  return country === 'VN' ? 'zalo' : 'whatsapp';
}

/**
 * The member's language, when the member row knows it (proposed field
 * `language`, set by the join page from the customer's phone); null otherwise.
 */
export function memberLanguage(member: Member): MessageLanguage | null {
  const language = (member as Member & { language?: unknown }).language;
  return (MESSAGE_LANGUAGES as readonly unknown[]).includes(language)
    ? (language as MessageLanguage)
    : null;
}

// ---- the owner's campaign form ----

export interface CampaignInput {
  name: string;
  segment: Segment;
  texts: Partial<Record<MessageLanguage, string>>;
}

export type CampaignError =
  | 'campaign.name'
  | 'campaign.nameTooLong'
  | 'campaign.text'
  | 'campaign.textTooLong'
  | 'campaign.placeholder'
  | SegmentError;

export type CampaignErrors = Partial<Record<'name' | 'segment' | MessageLanguage, CampaignError>>;

/** Placeholders written in a text that Setia does not know (a typo such as {nmae}). */
export function unknownPlaceholders(text: string): string[] {
  const out: string[] = [];
  for (const [, word] of text.matchAll(/\{([^{}\s]*)\}/g))
    if (!(PLACEHOLDERS as readonly string[]).includes(word!)) out.push(word!);
  return out;
}

export function validateCampaign(
  input: CampaignInput,
  shopLanguage: MessageLanguage,
): CampaignErrors {
  const errors: CampaignErrors = {};
  const name = input.name.trim();
  if (!name) errors.name = 'campaign.name';
  else if (charCount(name) > CAMPAIGN_NAME_MAX) errors.name = 'campaign.nameTooLong';
  const segmentError = validateSegment(input.segment);
  if (segmentError) errors.segment = segmentError;
  for (const language of MESSAGE_LANGUAGES) {
    const text = input.texts[language]?.trim() ?? '';
    if (!text) {
      if (language === shopLanguage) errors[language] = 'campaign.text';
    } else if (charCount(text) > MESSAGE_MAX) errors[language] = 'campaign.textTooLong';
    else if (unknownPlaceholders(text).length > 0) errors[language] = 'campaign.placeholder';
  }
  return errors;
}

/** A checked campaign as it is saved: names and texts trimmed, empty languages left out. */
export function campaignOf(input: CampaignInput, id: string, now: number): Campaign {
  const texts: Campaign['texts'] = {};
  for (const language of MESSAGE_LANGUAGES) {
    const text = input.texts[language]?.trim();
    if (text) texts[language] = text;
  }
  return { id, name: input.name.trim(), segment: input.segment, texts, createdAt: now };
}

// ---- one member's message ----

export interface MessageShop {
  name: string;
  rewardName: string;
  country: string;
  language: MessageLanguage;
}

export type MessageValues = Record<Placeholder, string>;

/** {name} and friends replaced; anything else in braces is left as written. */
export function fillPlaceholders(template: string, values: MessageValues): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, word: string) =>
    (PLACEHOLDERS as readonly string[]).includes(word) ? values[word as Placeholder] : whole,
  );
}

/** The member's language if the campaign has a text in it, else the shop's, else any written. */
export function messageLanguage(
  campaign: Pick<Campaign, 'texts'>,
  member: MessageLanguage | null,
  shop: MessageLanguage,
): MessageLanguage {
  if (member && campaign.texts[member]?.trim()) return member;
  if (campaign.texts[shop]?.trim()) return shop;
  return MESSAGE_LANGUAGES.find((l) => campaign.texts[l]?.trim()) ?? shop;
}

/**
 * The message one member gets: their first name as their card greets them
 * (the given name, last, in a Vietnamese shop), the segment's stamps and date.
 * `formatDate` writes a local date the way the language does ("12 Maret").
 */
export function renderMessage(
  campaign: Pick<Campaign, 'texts'>,
  match: SegmentMatch,
  shop: MessageShop,
  formatDate: (day: string, language: MessageLanguage) => string,
): { language: MessageLanguage; text: string } {
  const language = messageLanguage(campaign, memberLanguage(match.member), shop.language);
  const values: MessageValues = {
    name: firstName(match.member.name, shop.country),
    shop: shop.name,
    stamps: String(match.stamps),
    reward: shop.rewardName,
    date: match.date === null ? '' : formatDate(match.date, language),
  };
  return { language, text: fillPlaceholders(campaign.texts[language] ?? '', values) };
}

// ---- sending ----

const E164 = /^\+[1-9]\d{6,14}$/;

/** wa.me takes the number in international digits, no +, no leading zeros. */
export function whatsAppLink(e164: string, text: string): string | null {
  if (!E164.test(e164)) return null;
  return `https://wa.me/${e164.slice(1)}?text=${encodeURIComponent(text)}`;
}

/**
 * zalo.me opens a chat by phone; Vietnamese numbers as people write them at
 * home (0912345678). Zalo documents no text parameter: the text is copied.
 */
export function zaloLink(e164: string): string | null {
  if (!E164.test(e164)) return null;
  const phone = e164.startsWith('+84') ? `0${e164.slice(3)}` : e164.slice(1);
  return `https://zalo.me/${phone}`;
}

/** What one tap does: open this link; with Zalo, first copy the text to paste in the chat. */
export function sendAction(
  channel: 'whatsapp' | 'zalo',
  e164: string,
  text: string,
): { url: string; copy: string | null } | null {
  const url = channel === 'whatsapp' ? whatsAppLink(e164, text) : zaloLink(e164);
  if (url === null) return null;
  return { url, copy: channel === 'zalo' ? text : null };
}

/**
 * A segment's messages for a WhatsApp Business broadcast tool: one row per
 * member with the phone in international digits and the message already
 * written for them. UTF-8 with a BOM; cells a spreadsheet would run are neutralised.
 */
export function broadcastCsv(
  rows: readonly { name: string; phone: string; language: MessageLanguage; message: string }[],
): string {
  const lines: string[][] = [['name', 'phone', 'language', 'message']];
  for (const r of rows)
    lines.push([r.name, r.phone.replace(/\D/g, ''), r.language, r.message].map(neutralise));
  return BOM + toCsv(lines);
}

// ---- who already got a campaign ----

/**
 * A send as recorded. Proposed record: a ledger event
 * `{ type: 'message', stamps: 0, campaignId, channel }` — see messageSendDraft.
 */
export interface MessageSend {
  id: string;
  campaignId: string;
  memberId: string;
  channel: MessageChannel;
  at: number;
  deviceId: string;
  staffId: string;
}

/** The event a send would write (the db layer adds id, device and sequence). */
export function messageSendDraft(
  campaignId: string,
  memberId: string,
  channel: MessageChannel,
  staffId: string,
  now: number,
) {
  return { memberId, type: 'message' as const, stamps: 0, campaignId, channel, at: now, staffId };
}

/** Ledger rows as they come: a send is a 'message' event; anything else is skipped. */
export interface LedgerRow {
  id: string;
  memberId: string;
  type: string;
  at: number;
  deviceId: string;
  staffId: string;
  reverses?: string;
  campaignId?: unknown;
  channel?: unknown;
}

const CHANNELS: readonly unknown[] = ['whatsapp', 'zalo', 'broadcast'];

/** The sends in a ledger (any order); a send someone undid does not count. */
export function sendsInLedger(events: Iterable<LedgerRow>): MessageSend[] {
  const sends: MessageSend[] = [];
  const undone = new Set<string>();
  for (const e of events) {
    if (e.type === 'reversal' && e.reverses) undone.add(e.reverses);
    if (e.type !== 'message' || typeof e.campaignId !== 'string') continue;
    sends.push({
      id: e.id,
      campaignId: e.campaignId,
      memberId: e.memberId,
      channel: CHANNELS.includes(e.channel) ? (e.channel as MessageChannel) : 'whatsapp',
      at: e.at,
      deviceId: e.deviceId,
      staffId: e.staffId,
    });
  }
  return sends.filter((s) => !undone.has(s.id));
}

/**
 * Who got a campaign, and when first (two tablets may both have sent it).
 * `keptMemberOf` maps a merged duplicate to the member it was merged into.
 */
export function sentTo(
  sends: Iterable<MessageSend>,
  campaignId: string,
  keptMemberOf: (memberId: string) => string = (id) => id,
): Map<string, number> {
  const first = new Map<string, number>();
  for (const s of sends) {
    if (s.campaignId !== campaignId) continue;
    const id = keptMemberOf(s.memberId);
    const at = first.get(id);
    if (at === undefined || s.at < at) first.set(id, s.at);
  }
  return first;
}

/** The campaign's segment now, split into those still to message and those already messaged. */
export function campaignQueue(
  matches: readonly SegmentMatch[],
  sent: ReadonlyMap<string, number>,
): { toSend: SegmentMatch[]; alreadySent: SegmentMatch[] } {
  const toSend: SegmentMatch[] = [];
  const alreadySent: SegmentMatch[] = [];
  for (const m of matches) (sent.has(m.member.id) ? alreadySent : toSend).push(m);
  return { toSend, alreadySent };
}
