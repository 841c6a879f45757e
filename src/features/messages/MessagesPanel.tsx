/**
 * Owner → Messages: campaigns to the right members. A campaign is a segment
 * and a text per language; the segment is built in a worker over the whole
 * ledger (always members with marketing consent and a phone). Sending is one
 * tap per member: WhatsApp opens with the text filled in (wa.me), or for a
 * Vietnamese shop Zalo opens the chat with the text copied; the send is
 * recorded (a synced ledger event), so no tablet sends the campaign twice.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { download } from '../../ui/download';
import { useTranslation } from 'react-i18next';
import { messageDate, type AudienceRow } from '../../db/audience';
import { useCurrentStaffId } from '../../db/hooks';
import { newId } from '../../db/ids';
import { recordSend, saveCampaign } from '../../db/message-actions';
import type { Member } from '../../domain/member';
import {
  campaignOf,
  channelFor,
  MESSAGE_LANGUAGES,
  PLACEHOLDERS,
  renderMessage,
  sendAction,
  shopLanguageFor,
  validateCampaign,
  type Campaign,
  type MessageLanguage,
} from '../../domain/messages';
import { SEGMENT_LIMITS, type Segment, type SegmentKind } from '../../domain/segments';
import type { ShopSettings } from '../../domain/shop';
import { LANGUAGE_NAMES } from '../../i18n';
import { Field } from '../../ui/Field';
import { runAudience, useAudience } from './useAudience';
import './messages.css';

const KINDS: readonly SegmentKind[] = [
  'lapsed',
  'birthdayWeek',
  'nearReward',
  'expiring',
  'tier',
  'clubEnding',
  'everyone',
];
const LIST_LIMIT = 50;

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The segment's number the owner may change (days, stamps), with its limits. */
function numberOf(segment: Segment): { value: number; min: number; max: number } | null {
  switch (segment.kind) {
    case 'lapsed':
      return { value: segment.days, min: 1, max: SEGMENT_LIMITS.lapsedDays[1] };
    case 'nearReward':
      return { value: segment.stamps, min: 1, max: SEGMENT_LIMITS.nearRewardStamps[1] };
    case 'expiring':
      return { value: segment.days, min: 1, max: SEGMENT_LIMITS.expiringDays[1] };
    case 'clubEnding':
      return { value: segment.days, min: 1, max: SEGMENT_LIMITS.clubEndingDays[1] };
    default:
      return null;
  }
}

function segmentFor(kind: SegmentKind, n: number, tierId: string): Segment {
  switch (kind) {
    case 'lapsed':
      return { kind, days: n };
    case 'nearReward':
      return { kind, stamps: n };
    case 'expiring':
    case 'clubEnding':
      return { kind, days: n };
    case 'tier':
      return { kind, tierId };
    default:
      return { kind } as Segment;
  }
}

const DEFAULT_NUMBER: Record<SegmentKind, number> = {
  lapsed: 60,
  nearReward: 2,
  expiring: 14,
  clubEnding: 14,
  everyone: 0,
  birthdayWeek: 0,
  tier: 0,
};

export function useSegmentLabel() {
  const { t } = useTranslation();
  return (segment: Segment, tiers: ShopSettings['program']) => {
    const n = numberOf(segment)?.value ?? 0;
    const tier =
      segment.kind === 'tier'
        ? (tiers?.tiers.find((x) => x.id === segment.tierId)?.name ?? '')
        : '';
    return t(`messages.segments.${segment.kind}`, { count: n, tier });
  };
}

/** The message as one member gets it, for the list and the preview. */
function messageFor(campaign: Pick<Campaign, 'texts'>, row: AudienceRow, shop: ShopSettings) {
  const member = { id: row.id, name: row.name, phone: row.phone, language: row.language };
  return renderMessage(
    campaign,
    { member: member as unknown as Member, stamps: row.stamps, date: row.date },
    {
      name: shop.name,
      rewardName: shop.rewardName,
      country: shop.country,
      language: shopLanguageFor(shop.country),
    },
    (day, language) => messageDate(day, language, shop.country),
  );
}

export default function MessagesPanel({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const campaigns = shop.campaigns ?? [];
  const label = useSegmentLabel();
  const campaign = campaigns.find((c) => c.id === open);

  return (
    <section className="panel messages" aria-labelledby="messages-title">
      <h2 id="messages-title">{t('messages.title')}</h2>
      <p className="muted">{t('messages.intro')}</p>
      {open === 'new' ? (
        <CampaignForm shop={shop} onDone={(id) => setOpen(id)} />
      ) : campaign ? (
        <CampaignSend
          key={campaign.id}
          shop={shop}
          campaign={campaign}
          onBack={() => setOpen(null)}
        />
      ) : (
        <>
          <button type="button" className="button button--primary" onClick={() => setOpen('new')}>
            {t('messages.new')}
          </button>
          {campaigns.length === 0 ? (
            <p className="muted">{t('messages.none')}</p>
          ) : (
            <ul className="messages__campaigns">
              {[...campaigns].reverse().map((c) => (
                <li key={c.id}>
                  <button type="button" className="button" onClick={() => setOpen(c.id)}>
                    {c.name}
                  </button>
                  <span className="muted">{label(c.segment, shop.program)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function CampaignForm({ shop, onDone }: { shop: ShopSettings; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const shopLanguage = shopLanguageFor(shop.country);
  const tiers = shop.program?.tiers ?? [];
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SegmentKind>('lapsed');
  const [n, setN] = useState(String(DEFAULT_NUMBER.lapsed));
  const [tierId, setTierId] = useState(tiers[0]?.id ?? '');
  const [texts, setTexts] = useState<Partial<Record<MessageLanguage, string>>>({
    [shopLanguage]: t('messages.defaultText', { lng: shopLanguage }),
  });
  const [showErrors, setShowErrors] = useState(false);
  const [failed, setFailed] = useState(false);
  const [now] = useState(Date.now);
  const segment = segmentFor(kind, Number(n), tierId);
  const errors = validateCampaign({ name, segment, texts }, shopLanguage);
  const segmentValid = errors.segment === undefined;
  const request = useMemo(
    () => (segmentValid ? { now, zone: zone(), segment, campaignId: null, limit: 1 } : null),
    // The segment's fields are what matter, not the object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [segmentValid, now, kind, n, tierId],
  );
  const audience = useAudience(request, 0);
  const err = (key: keyof typeof errors) =>
    showErrors && errors[key]
      ? t(`messages.errors.${errors[key]}`, { max: key === 'name' ? 60 : 1000 })
      : null;
  const number = numberOf(segment);
  const previewRow = audience.result?.toSend[0];
  const preview = previewRow ? messageFor({ texts }, previewRow, shop) : null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (Object.keys(errors).length > 0) return;
    const at = Date.now();
    const campaign = campaignOf({ name, segment, texts }, newId(at), at);
    try {
      await saveCampaign(campaign, at);
      onDone(campaign.id);
    } catch {
      setFailed(true);
    }
  };

  return (
    <form className="messages__form" onSubmit={onSubmit} noValidate aria-labelledby="campaign-new">
      <h3 id="campaign-new">{t('messages.new')}</h3>
      <Field label={t('messages.name')} error={err('name')}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <div className="field-row">
        <Field label={t('messages.segment')}>
          <select
            value={kind}
            onChange={(e) => {
              const next = e.target.value as SegmentKind;
              setKind(next);
              setN(String(DEFAULT_NUMBER[next]));
            }}
          >
            {KINDS.filter((k) => k !== 'tier' || tiers.length > 0).map((k) => (
              <option key={k} value={k}>
                {t(`messages.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {number && (
          <Field
            label={t(kind === 'nearReward' ? 'messages.stampsAway' : 'messages.days')}
            error={
              showErrors && !segmentValid
                ? t('messages.errors.range', { min: number.min, max: number.max })
                : null
            }
          >
            <input inputMode="numeric" value={n} onChange={(e) => setN(e.target.value)} />
          </Field>
        )}
        {kind === 'tier' && (
          <Field label={t('messages.tier')}>
            <select value={tierId} onChange={(e) => setTierId(e.target.value)}>
              {tiers.map((tier) => (
                <option key={tier.id} value={tier.id}>
                  {tier.name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <p role="status" className="messages__count">
        {audience.result && audience.progress === null
          ? t('messages.count', { count: audience.result.count })
          : segmentValid
            ? t('messages.counting')
            : ''}
        {audience.result && audience.result.withoutConsent > 0 && audience.progress === null && (
          <> · {t('messages.withoutConsent', { count: audience.result.withoutConsent })}</>
        )}
      </p>
      <p className="muted">
        {t('messages.placeholders', { list: PLACEHOLDERS.map((p) => `{${p}}`).join(' ') })}
      </p>
      {MESSAGE_LANGUAGES.map((language) => (
        <Field
          key={language}
          label={t('messages.textIn', { language: LANGUAGE_NAMES[language] })}
          error={err(language)}
        >
          <textarea
            rows={3}
            value={texts[language] ?? ''}
            onChange={(e) => setTexts((x) => ({ ...x, [language]: e.target.value }))}
          />
        </Field>
      ))}
      {preview && previewRow && (
        <figure className="messages__preview">
          <figcaption>
            {t('messages.previewFor', {
              name: previewRow.name,
              language: LANGUAGE_NAMES[preview.language],
            })}
          </figcaption>
          <blockquote>{preview.text}</blockquote>
        </figure>
      )}
      {failed && (
        <p className="form-error" role="alert">
          {t('errors.saveFailed')}
        </p>
      )}
      <button type="submit" className="button button--primary">
        {t('messages.save')}
      </button>
    </form>
  );
}

function CampaignSend({
  shop,
  campaign,
  onBack,
}: {
  shop: ShopSettings;
  campaign: Campaign;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const staffId = useCurrentStaffId();
  const label = useSegmentLabel();
  const channel = channelFor(shop.country);
  const [now] = useState(Date.now);
  const [attempt, setAttempt] = useState(0);
  const request = useMemo(
    () => ({
      now,
      zone: zone(),
      segment: campaign.segment,
      campaignId: campaign.id,
      limit: LIST_LIMIT,
    }),
    [now, campaign],
  );
  const audience = useAudience(request, attempt);
  const [sent, setSent] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const result = audience.result;
  const rows =
    audience.progress === null ? (result?.toSend.filter((r) => !sent.has(r.id)) ?? []) : [];
  const reload = () => {
    setSent(new Set());
    setAttempt((a) => a + 1);
  };

  const onSend = async (row: AudienceRow, text: string) => {
    setError(null);
    if (channel === 'zalo') {
      // Zalo's link opens the chat only: the text goes with the clipboard.
      await navigator.clipboard?.writeText(text).catch(() => undefined);
    }
    try {
      await recordSend(campaign.id, row.id, channel, staffId ?? 'owner', Date.now());
    } catch (e) {
      if (!(e instanceof Error && e.message === 'message.alreadySent')) {
        setError(t('errors.saveFailed'));
        return;
      }
    }
    setSent((s) => new Set(s).add(row.id));
  };

  const onExport = async () => {
    setExporting(true);
    try {
      const { csv } = await runAudience({ ...request, now: Date.now(), limit: 0, csv: campaign })
        .done;
      const day = new Date().toISOString().slice(0, 10);
      download(
        new Blob([csv ?? ''], { type: 'text/csv;charset=utf-8' }),
        `setia-${day}-messages.csv`,
      );
    } catch {
      setError(t('messages.exportFailed'));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="messages__send">
      <button type="button" className="button button--quiet" onClick={onBack}>
        {t('messages.back')}
      </button>
      <h3>{campaign.name}</h3>
      <p className="muted">{label(campaign.segment, shop.program)}</p>
      {audience.progress !== null && (
        <progress value={audience.progress} max={1} aria-label={t('messages.counting')} />
      )}
      {audience.failed && (
        <p className="form-error" role="alert">
          {t('messages.failed')}{' '}
          <button type="button" className="button" onClick={() => setAttempt((a) => a + 1)}>
            {t('messages.retry')}
          </button>
        </p>
      )}
      {result && (
        <>
          <p role="status" className="messages__count">
            {t('messages.toSend', { count: result.toSendCount - sent.size })} ·{' '}
            {t('messages.alreadySent', { count: result.alreadySent + sent.size })}
            {result.withoutConsent > 0 && (
              <> · {t('messages.withoutConsent', { count: result.withoutConsent })}</>
            )}
          </p>
          <button
            type="button"
            className="button"
            disabled={exporting}
            onClick={() => void onExport()}
          >
            {t('messages.export')}
          </button>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <ul className="messages__queue" aria-label={t('messages.queue')}>
            {rows.map((row) => {
              const { language, text } = messageFor(campaign, row, shop);
              const action = sendAction(channel, row.phone, text);
              return (
                <li key={row.id}>
                  <div>
                    <strong>{row.name}</strong>{' '}
                    <span className="muted">
                      {row.phone} · {LANGUAGE_NAMES[language]}
                    </span>
                    <p className="messages__text">{text}</p>
                  </div>
                  {action ? (
                    <a
                      className="button button--primary"
                      href={action.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      onClick={() => void onSend(row, text)}
                    >
                      {t(channel === 'zalo' ? 'messages.sendZalo' : 'messages.sendWhatsApp', {
                        name: row.name,
                      })}
                    </a>
                  ) : (
                    <span className="muted">{t('messages.badPhone')}</span>
                  )}
                </li>
              );
            })}
          </ul>
          {result.toSendCount > sent.size && rows.length === 0 && audience.progress === null && (
            <button type="button" className="button" onClick={reload}>
              {t('messages.more')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
