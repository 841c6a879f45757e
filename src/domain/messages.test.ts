import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, unneutralise } from './csv';
import { parseCsv } from './csv-read';
import type { Member } from './member';
import { EMPTY_STATS } from './balance';
import {
  broadcastCsv,
  campaignOf,
  campaignQueue,
  channelFor,
  memberLanguage,
  messageLanguage,
  messageSendDraft,
  renderMessage,
  sendAction,
  sendsInLedger,
  sentTo,
  shopLanguageFor,
  unknownPlaceholders,
  validateCampaign,
  whatsAppLink,
  zaloLink,
  type Campaign,
  type LedgerRow,
  type MessageLanguage,
  type MessageSend,
  type MessageShop,
} from './messages';
import type { SegmentMatch } from './segments';

function member(name: string, phone: string, language?: MessageLanguage): Member {
  return {
    id: `m-${name}`,
    name,
    phone,
    email: null,
    birthday: null,
    marketingConsent: true,
    consentAt: 1,
    anonymised: false,
    joinedAt: 0,
    nameWords: [],
    phoneKeys: [],
    clocks: {},
    stats: EMPTY_STATS,
    ...(language ? { language } : {}),
  } as Member;
}
const match = (m: Member, stamps = 3, date: string | null = '2026-03-12'): SegmentMatch => ({
  member: m,
  stamps,
  date,
});

const campaign: Campaign = {
  id: 'c1',
  name: 'Expiring in March',
  segment: { kind: 'expiring', days: 14 },
  texts: {
    en: 'Hi {name}, {stamps} stamps at {shop} expire on {date}. Come for your {reward}!',
    id: 'Halo {name}, {stamps} stempel di {shop} hangus pada {date}. Ayo ambil {reward}!',
    ms: 'Hai {name}, {stamps} setem di {shop} luput pada {date}. Datang untuk {reward}!',
    vi: 'Chào {name}, {stamps} tem tại {shop} hết hạn ngày {date}. Ghé nhận {reward} nhé!',
  },
  createdAt: 1,
};
const shop = (country: string): MessageShop => ({
  name: 'Kopi Senja',
  rewardName: 'Es kopi susu',
  country,
  language: shopLanguageFor(country),
});
const formatDate = (day: string, language: MessageLanguage) => `${day}@${language}`;

describe('a campaign as the owner writes it', () => {
  const input = { name: 'March', segment: campaign.segment, texts: { id: 'Halo {name}' } };

  it('needs a name and a text in the shop’s language; other languages are optional', () => {
    expect(validateCampaign(input, 'id')).toEqual({});
    expect(validateCampaign({ ...input, name: ' ' }, 'id')).toEqual({ name: 'campaign.name' });
    expect(validateCampaign(input, 'vi')).toEqual({ vi: 'campaign.text' });
    expect(validateCampaign({ ...input, name: 'x'.repeat(61) }, 'id').name).toBe(
      'campaign.nameTooLong',
    );
    expect(validateCampaign({ ...input, texts: { id: 'x'.repeat(1001) } }, 'id').id).toBe(
      'campaign.textTooLong',
    );
    expect(validateCampaign({ ...input, segment: { kind: 'lapsed', days: 0 } }, 'id').segment).toBe(
      'segment.days',
    );
  });

  it('catches a placeholder Setia does not know', () => {
    expect(unknownPlaceholders('Hi {nmae}, {stamps} at {shop} {}')).toEqual(['nmae', '']);
    expect(validateCampaign({ ...input, texts: { id: 'Halo {nama}' } }, 'id').id).toBe(
      'campaign.placeholder',
    );
  });

  it('is saved trimmed, without empty languages', () => {
    expect(
      campaignOf({ ...input, name: ' March ', texts: { id: ' Halo ', en: '  ' } }, 'c9', 5),
    ).toEqual({
      id: 'c9',
      name: 'March',
      segment: input.segment,
      texts: { id: 'Halo' },
      createdAt: 5,
    });
  });
});

describe('one member’s message', () => {
  it('is written in the member’s language, else the shop’s', () => {
    expect(messageLanguage(campaign, 'vi', 'id')).toBe('vi');
    expect(messageLanguage({ texts: { id: 'Halo' } }, 'vi', 'id')).toBe('id');
    expect(messageLanguage({ texts: { id: 'Halo' } }, null, 'id')).toBe('id');
    expect(messageLanguage({ texts: { en: 'Hi' } }, null, 'id')).toBe('en');
    expect(memberLanguage(member('A', '+6281234567890', 'ms'))).toBe('ms');
    expect(
      memberLanguage({ ...member('A', '+6281234567890'), language: 'fr' } as Member),
    ).toBeNull();
  });

  it('greets by first name as the card does: the given name, last, in Vietnam', () => {
    const vn = renderMessage(
      campaign,
      match(member('Nguyễn Văn Đức', '+84912345678', 'vi')),
      shop('VN'),
      formatDate,
    );
    expect(vn).toEqual({
      language: 'vi',
      text: 'Chào Đức, 3 tem tại Kopi Senja hết hạn ngày 2026-03-12@vi. Ghé nhận Es kopi susu nhé!',
    });
    const id = renderMessage(
      campaign,
      match(member('Siti Rahma', '+6281234567890')),
      shop('ID'),
      formatDate,
    );
    expect(id.text).toBe(
      'Halo Siti, 3 stempel di Kopi Senja hangus pada 2026-03-12@id. Ayo ambil Es kopi susu!',
    );
  });

  it('leaves braces it does not know as written, and an empty date when the segment has none', () => {
    const c = { texts: { en: '{name} {unknown} {date}.' } };
    expect(
      renderMessage(c, match(member('Budi', '+6281234567890'), 1, null), shop('GB'), formatDate)
        .text,
    ).toBe('Budi {unknown} .');
  });
});

describe('sending', () => {
  it('opens WhatsApp with the number in international digits and the member’s message, in each language', () => {
    const people: [Member, string, MessageLanguage][] = [
      [member('Budi Santoso', '+6281234567890', 'id'), '6281234567890', 'id'],
      [member('Aisyah Ismail', '+60123456789', 'ms'), '60123456789', 'ms'],
      [member('Trần Thị Lan', '+84912345678', 'vi'), '84912345678', 'vi'],
      [member('Wei Ling', '+6591234567', 'en'), '6591234567', 'en'],
    ];
    for (const [m, digits, language] of people) {
      const { text } = renderMessage(campaign, match(m), shop('ID'), formatDate);
      const link = whatsAppLink(m.phone!, text)!;
      const url = new URL(link);
      expect(url.origin + url.pathname).toBe(`https://wa.me/${digits}`);
      expect(url.searchParams.get('text')).toBe(text);
      expect(text).toContain(language === 'vi' ? 'Chào' : m.name.split(' ')[0]);
    }
  });

  it('encodes every character of the text, so & ? # and line breaks survive', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const url = new URL(whatsAppLink('+6281234567890', text)!);
        expect(url.searchParams.get('text')).toBe(text);
        expect([...url.searchParams.keys()]).toEqual(['text']);
      }),
    );
    expect(whatsAppLink('+6281234567890', 'A & B?\nC #1')).toBe(
      'https://wa.me/6281234567890?text=A%20%26%20B%3F%0AC%20%231',
    );
  });

  it('opens Zalo by the Vietnamese number as written at home, and copies the text', () => {
    expect(zaloLink('+84912345678')).toBe('https://zalo.me/0912345678');
    expect(zaloLink('+6281234567890')).toBe('https://zalo.me/6281234567890');
    expect(sendAction('zalo', '+84912345678', 'Chào Lan')).toEqual({
      url: 'https://zalo.me/0912345678',
      copy: 'Chào Lan',
    });
    expect(sendAction('whatsapp', '+84912345678', 'Hi')).toEqual({
      url: 'https://wa.me/84912345678?text=Hi',
      copy: null,
    });
    expect(channelFor('VN')).toBe('zalo');
    expect(channelFor('MY')).toBe('whatsapp');
  });

  it('refuses a number that is not international', () => {
    expect(whatsAppLink('0812345678', 'x')).toBeNull();
    expect(zaloLink('+0812345678')).toBeNull();
    expect(sendAction('whatsapp', '', 'x')).toBeNull();
  });
});

describe('the CSV for WhatsApp Business broadcast tools', () => {
  it('has a row per member with the phone as digits and the message written for them; formulas neutralised', () => {
    const csv = broadcastCsv([
      {
        name: 'Siti Rahma',
        phone: '+6281234567890',
        language: 'id',
        message: 'Halo Siti, "3" stempel,\nayo!',
      },
      { name: '=HYPERLINK("x")', phone: '+84912345678', language: 'vi', message: '-50% hôm nay' },
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = parseCsv(csv.slice(1)).rows.map((r) => r.map(unneutralise));
    expect(rows).toEqual([
      ['name', 'phone', 'language', 'message'],
      ['Siti Rahma', '6281234567890', 'id', 'Halo Siti, "3" stempel,\nayo!'],
      ['=HYPERLINK("x")', '84912345678', 'vi', '-50% hôm nay'],
    ]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(`'-50% hôm nay`);
  });
});

describe('who already got a campaign', () => {
  let seq = 0;
  const row = (partial: Partial<LedgerRow> & Pick<LedgerRow, 'type' | 'memberId'>): LedgerRow => {
    seq += 1;
    return { id: `r${seq}`, at: seq * 1000, deviceId: 'd', staffId: 's', ...partial };
  };

  it('reads sends from the ledger; an undone send does not count; stamps are not sends', () => {
    const draft = messageSendDraft('c1', 'a', 'zalo', 'owner', 5000);
    expect(draft).toEqual({
      memberId: 'a',
      type: 'message',
      stamps: 0,
      campaignId: 'c1',
      channel: 'zalo',
      at: 5000,
      staffId: 'owner',
    });
    const sendA = row({ ...draft });
    const sendB = row({ type: 'message', memberId: 'b', campaignId: 'c1', channel: 'whatsapp' });
    const rows = [
      sendA,
      sendB,
      row({ type: 'stamp', memberId: 'a' }),
      row({ type: 'reversal', memberId: 'b', reverses: sendB.id }),
      row({ type: 'message', memberId: 'c', campaignId: 'c2', channel: 'sms' }),
    ];
    expect(sendsInLedger(rows).map((s) => [s.memberId, s.campaignId, s.channel])).toEqual([
      ['a', 'c1', 'zalo'],
      ['c', 'c2', 'whatsapp'],
    ]);
  });

  it('keeps each member’s first send (two tablets may both send), under the member kept after a merge', () => {
    const sends = sendsInLedger([
      row({ type: 'message', memberId: 'a', campaignId: 'c1', at: 9000 }),
      row({ type: 'message', memberId: 'a', campaignId: 'c1', at: 7000 }),
      row({ type: 'message', memberId: 'dup', campaignId: 'c1', at: 8000 }),
      row({ type: 'message', memberId: 'b', campaignId: 'c2', at: 1000 }),
    ]);
    const sent = sentTo(sends, 'c1', (id) => (id === 'dup' ? 'kept' : id));
    expect([...sent]).toEqual([
      ['a', 7000],
      ['kept', 8000],
    ]);
    const withId = (id: string) => match({ ...member(id, '+6281234567890'), id });
    const queue = campaignQueue([withId('a'), withId('kept'), withId('new')], sent);
    expect(queue.toSend.map((m) => m.member.id)).toEqual(['new']);
    expect(queue.alreadySent.map((m) => m.member.id)).toEqual(['a', 'kept']);
  });
});

describe('messages at their edges', () => {
  it('writes in each country’s language by default, English elsewhere', () => {
    expect(['ID', 'MY', 'VN', 'SG', 'GB', ''].map(shopLanguageFor)).toEqual([
      'id',
      'ms',
      'vi',
      'en',
      'en',
      'en',
    ]);
  });

  it('takes a campaign name of 60 characters and a text of 1000, not one more', () => {
    const input = {
      name: 'x'.repeat(60),
      segment: campaign.segment,
      texts: { id: 'y'.repeat(1000) },
    };
    expect(validateCampaign(input, 'id')).toEqual({});
    expect(validateCampaign({ ...input, name: ` ${'x'.repeat(60)} ` }, 'id')).toEqual({});
    expect(
      validateCampaign({ ...input, name: 'x'.repeat(61), texts: { id: 'y'.repeat(1001) } }, 'id'),
    ).toEqual({ name: 'campaign.nameTooLong', id: 'campaign.textTooLong' });
  });

  it('counts a text of only spaces as no text', () => {
    const input = { name: 'March', segment: campaign.segment, texts: { id: '   ', en: ' \n ' } };
    expect(validateCampaign(input, 'id')).toEqual({ id: 'campaign.text' });
    expect(validateCampaign({ ...input, texts: { ...input.texts, ms: ' {nama} ' } }, 'id')).toEqual(
      {
        id: 'campaign.text',
        ms: 'campaign.placeholder',
      },
    );
  });

  it('does not pick a language whose text is only spaces', () => {
    expect(messageLanguage({ texts: { vi: '  ', id: 'Halo' } }, 'vi', 'id')).toBe('id');
    expect(messageLanguage({ texts: { id: ' ', ms: 'Hai' } }, null, 'id')).toBe('ms');
    expect(messageLanguage({ texts: { en: ' ', vi: 'Chào' } }, 'id', 'ms')).toBe('vi');
  });

  it('writes an empty message for a campaign with no text at all, in the shop’s language', () => {
    expect(
      renderMessage({ texts: {} }, match(member('Budi', '+6281234567890')), shop('MY'), formatDate),
    ).toEqual({ language: 'ms', text: '' });
  });
});

describe('which ledger rows are sends', () => {
  const row = (partial: Partial<LedgerRow> & Pick<LedgerRow, 'id' | 'type'>): LedgerRow => ({
    memberId: 'a',
    at: 1000,
    deviceId: 'd',
    staffId: 's',
    ...partial,
  });

  it('only a message naming its campaign is a send, and only an undo cancels one', () => {
    const rows = [
      row({ id: 's1', type: 'message', campaignId: 'c1', channel: 'whatsapp' }),
      row({ id: 's2', type: 'message', channel: 'whatsapp' }), // no campaign
      row({ id: 's3', type: 'stamp', campaignId: 'c1' }), // a stamp is never a send
      row({ id: 's4', type: 'message', campaignId: 'c1', channel: 'broadcast' }),
      row({ id: 's5', type: 'adjustment', reverses: 's4' }), // not an undo
    ];
    expect(sendsInLedger(rows).map((s) => [s.id, s.channel])).toEqual([
      ['s1', 'whatsapp'],
      ['s4', 'broadcast'],
    ]);
  });

  it('keeps the first send of a campaign to a member, whatever order they come in', () => {
    const send = (id: string, at: number, campaignId = 'c1'): MessageSend => ({
      id,
      campaignId,
      memberId: 'a',
      channel: 'whatsapp',
      at,
      deviceId: 'd',
      staffId: 's',
    });
    expect([...sentTo([send('s1', 7000), send('s2', 9000), send('s3', 1000, 'c2')], 'c1')]).toEqual(
      [['a', 7000]],
    );
    expect([...sentTo([send('s2', 9000), send('s1', 7000)], 'c1')]).toEqual([['a', 7000]]);
  });
});
