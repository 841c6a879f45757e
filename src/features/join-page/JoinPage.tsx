/**
 * The join page a customer opens from the counter poster's QR (/join/<shopId>),
 * on their own phone: name, phone, birthday (optional) and marketing consent
 * (unticked). The server stores the member for the shop's tablets and answers
 * with the signed card link, which opens at once. A phone already a member never
 * gets a card by its number alone: with the code the tablet shows for that
 * member (under "Show card QR"), or by scanning that QR.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validateMemberInput, type MemberErrors, type MemberInput } from '../../domain/member';
import { normalisePhone } from '../../domain/phone';
import { todayIso } from '../../i18n/format';
import { joinInfoReply, selfJoinReply, type JoinInfo } from '../../shared/self-join';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { MemberFields } from '../../ui/MemberFields';
import './join-page.css';

interface Props {
  shopId: string;
  /** Opens the new member's card (its path, /c/<card token>). */
  onJoined: (cardPath: string) => void;
}

/** Why the page cannot take the customer, each with its own sentence. */
type Stop = 'offline' | 'closed' | 'noShop' | 'already' | 'tooMany';

const EMPTY: MemberInput = {
  name: '',
  phone: '',
  email: '',
  birthday: '',
  marketingConsent: false,
};

export default function JoinPage({ shopId, onJoined }: Props) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<JoinInfo | null>(null);
  const [stop, setStop] = useState<Stop | null>(null);
  const [input, setInput] = useState<MemberInput>(EMPTY);
  const [errors, setErrors] = useState<MemberErrors>({});
  const [sending, setSending] = useState(false);

  useEffect(() => {
    let current = true;
    fetch(`/api/shops/${encodeURIComponent(shopId)}/join-info`)
      .then(async (res) => {
        if (!current) return;
        if (res.status === 404) return setStop('noShop');
        const parsed = joinInfoReply.safeParse(res.ok ? await res.json() : null);
        if (!parsed.success) return setStop('offline');
        setInfo(parsed.data);
        if (!parsed.data.open) setStop('closed');
      })
      .catch(() => current && setStop('offline'));
    return () => {
      current = false;
    };
  }, [shopId]);

  const change = <K extends keyof MemberInput>(key: K, value: MemberInput[K]) => {
    setInput((i) => ({ ...i, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!info || sending) return;
    // Checked here first (no round trip for a typo); the server checks again.
    const found = validateMemberInput(input, todayIso(Date.now()));
    if (!normalisePhone(input.phone, info.country).ok) found.phone = 'phone.invalid';
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setSending(true);
    try {
      const res = await fetch(`/api/shops/${encodeURIComponent(shopId)}/self-join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: input.name,
          phone: input.phone,
          birthday: input.birthday,
          marketingConsent: input.marketingConsent,
        }),
      });
      const reply = (await res.json().catch(() => null)) as {
        error?: string;
        fields?: MemberErrors;
      } | null;
      if (res.status === 201) {
        const joined = selfJoinReply.safeParse(reply);
        if (joined.success) return onJoined(`/c/${joined.data.cardToken}`);
      }
      if (reply?.error === 'invalid_member' && reply.fields) return setErrors(reply.fields);
      setStop(
        reply?.error === 'already_member'
          ? 'already'
          : reply?.error === 'too_many_joins'
            ? 'tooMany'
            : reply?.error === 'self_join_off'
              ? 'closed'
              : reply?.error === 'no_shop'
                ? 'noShop'
                : 'offline',
      );
    } catch {
      setStop('offline');
    } finally {
      setSending(false);
    }
  };

  const shop = info?.shopName ?? '';
  return (
    <main className="phone-page join-page">
      <div className="phone-page__top">
        <LanguageSwitch />
      </div>
      <h1>{shop ? t('join.title', { shop }) : t('join.titleNoShop')}</h1>
      {stop ? (
        <>
          <div className="join-page__stop" role="alert">
            <p>{t(`join.stop.${stop}`, { shop: shop || t('join.theShop') })}</p>
            {stop === 'already' && <p>{t('join.alreadyHow')}</p>}
          </div>
          {stop === 'already' && (
            <>
              <ClaimForm shopId={shopId} phone={input.phone} onClaimed={onJoined} />
              <button type="button" className="button button--link" onClick={() => setStop(null)}>
                {t('join.back')}
              </button>
            </>
          )}
        </>
      ) : !info ? (
        <p aria-busy="true">{t('join.loading')}</p>
      ) : (
        <form onSubmit={submit} noValidate className="join-page__form">
          <p>{t('join.intro')}</p>
          <MemberFields
            input={input}
            errors={errors}
            change={change}
            shopName={shop}
            own={{ birthdayLabel: t('join.birthday') }}
          />
          <p className="muted">{t('join.welcomeLater')}</p>
          <button type="submit" className="button button--primary" disabled={sending}>
            {sending ? t('join.joining') : t('join.submit')}
          </button>
        </form>
      )}
    </main>
  );
}

type ClaimProblem = 'codeFormat' | 'codeWrong' | 'codeWait';

/** "Code from the cashier": a phone already a member opens its card with the tablet's code. */
function ClaimForm({
  shopId,
  phone,
  onClaimed,
}: {
  shopId: string;
  phone: string;
  onClaimed: (cardPath: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<ClaimProblem | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Read as the cashier says it: "482 913", "482-913".
    const digits = code.replace(/\D/g, '');
    if (!/^\d{6}$/.test(digits)) return setProblem('codeFormat');
    setSending(true);
    try {
      const res = await fetch(`/api/shops/${encodeURIComponent(shopId)}/claim-card`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone, code: digits }),
      });
      const reply = (await res.json().catch(() => null)) as { error?: string } | null;
      const claimed = selfJoinReply.safeParse(reply);
      if (res.ok && claimed.success) return onClaimed(`/c/${claimed.data.cardToken}`);
      setProblem(reply?.error === 'too_many_tries' ? 'codeWait' : 'codeWrong');
    } catch {
      setProblem('codeWrong');
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="join-page__claim">
      <label htmlFor={`${id}-code`}>{t('join.codeLabel')}</label>
      <input
        id={`${id}-code`}
        className="join-page__code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={9}
        value={code}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => {
          setCode(e.target.value);
          setProblem(null);
        }}
      />
      {problem && (
        <p id={`${id}-problem`} className="form-error" role="alert">
          {t(`join.${problem}`)}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={sending}>
        {sending ? t('join.codeOpening') : t('join.codeOpen')}
      </button>
    </form>
  );
}
