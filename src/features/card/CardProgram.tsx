/**
 * The program's part of the customer's card (lazy, with its words): a referral
 * code and link for a friend, and "How was your visit?" after a visit. The
 * rating goes to the shop through the server's card endpoint (the phone has no
 * shop database); on a shop tablet it is written to the local ledger directly.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readText, STORED, writeText } from '../../db/browser-storage';
import { referralCode } from '../../domain/stamp/referral';
import { QrCode } from './QrCode';

interface Props {
  token: string;
  memberId: string;
  /** The newest visit the card knows of (ms), if any. */
  lastVisitAt: number | null;
  /** The card was opened on a shop tablet: its ledger is right here. */
  onTablet: boolean;
  /** The café's name, carried by the invitation link so a friend sees whose card it is. */
  shopName?: string;
}

/** Drawn, not read: each star's name is its number of stars. */
const STAR = '\u2605';

const ratedVisit = (memberId: string): number | null =>
  Number(readText(STORED.ratedVisit(memberId))) || null;

type Sent = 'idle' | 'sending' | 'thanks' | 'already' | 'failed';

async function sendFeedback(props: Props, rating: number, comment: string): Promise<Sent> {
  if (props.onTablet) {
    const { rateOnThisTablet } = await import('../../db/feedback');
    return rateOnThisTablet(props.memberId, rating, comment);
  }
  try {
    const res = await fetch(`/api/card/${encodeURIComponent(props.token)}/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rating, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    });
    if (res.ok) return 'thanks';
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    return body.error === 'already_rated' ? 'already' : 'failed';
  } catch {
    return 'failed';
  }
}

export default function CardProgram(props: Props) {
  const { t } = useTranslation();
  const { memberId, lastVisitAt } = props;
  const code = referralCode(memberId);
  const link = `${window.location.origin}/?ref=${code}${
    props.shopName ? `&shop=${encodeURIComponent(props.shopName)}` : ''
  }`;
  // Folded away: a cashier scanning the card's live code must not catch this one instead.
  const [showInvite, setShowInvite] = useState(false);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState<Sent>('idle');
  const [rated, setRated] = useState(() => ratedVisit(memberId));
  const canRate = lastVisitAt !== null && rated !== lastVisitAt;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (rating < 1 || lastVisitAt === null) return;
    setSent('sending');
    const result = await sendFeedback(props, rating, comment);
    setSent(result);
    if (result === 'thanks' || result === 'already') {
      // In private mode this is forgotten; the server still refuses a second rating.
      writeText(STORED.ratedVisit(memberId), String(lastVisitAt));
      setRated(lastVisitAt);
    }
  };

  return (
    <>
      {canRate && (
        <form className="card-page__feedback" onSubmit={onSubmit} aria-labelledby="card-feedback">
          <h2 id="card-feedback">{t('program.card.feedbackTitle')}</h2>
          <fieldset className="card-page__stars">
            <legend className="visually-hidden">{t('program.card.rating')}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className={`card-page__star${n <= rating ? ' is-on' : ''}`}>
                <input
                  type="radio"
                  name="rating"
                  value={n}
                  checked={rating === n}
                  onChange={() => setRating(n)}
                />
                <span aria-hidden="true">{STAR}</span>
                <span className="visually-hidden">{t('program.card.stars', { count: n })}</span>
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>{t('program.card.comment')}</span>
            <textarea
              value={comment}
              maxLength={500}
              onChange={(e) => setComment(e.target.value)}
            />
          </label>
          <button
            type="submit"
            className="button button--primary"
            disabled={rating < 1 || sent === 'sending'}
          >
            {t('program.card.send')}
          </button>
          {sent === 'failed' && (
            <p className="form-error" role="alert">
              {t('program.card.failed')}
            </p>
          )}
        </form>
      )}
      {(sent === 'thanks' || sent === 'already') && (
        <p role="status" className="card-page__thanks">
          {t(sent === 'thanks' ? 'program.card.thanks' : 'program.card.already')}
        </p>
      )}
      <section className="card-page__referral" aria-labelledby="card-referral">
        <h2 id="card-referral">{t('program.card.referralTitle')}</h2>
        <p>{t('program.card.referralHint')}</p>
        <p className="card-page__code">
          {t('program.card.referralCode')} <strong>{code}</strong>
        </p>
        <button
          type="button"
          className="button"
          aria-expanded={showInvite}
          onClick={() => setShowInvite((v) => !v)}
        >
          {t(showInvite ? 'card.polish.hideInvite' : 'card.polish.showInvite')}
        </button>
        {showInvite && (
          <>
            <QrCode text={link} label={t('program.card.referralQr')} />
            <a href={link}>{link}</a>
          </>
        )}
      </section>
    </>
  );
}
