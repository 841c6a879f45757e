/**
 * The owner's conflict inbox: members whose card gave a reward twice (two
 * tablets offline at once). Both redemptions stay in the ledger; the owner
 * settles each with an adjustment, forgiving the stamps or keeping them owed.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveConflict } from '../../db/owner-actions';
import { useMembersInConflict } from '../../db/hooks';
import { conflictShortfall } from '../../domain/conflict';
import type { Member } from '../../domain/member';
import { DEFAULT_STAFF_ID } from '../../domain/shop';

/** What the owner may do: with stamps still owed, forgive them or keep them owed; once covered, only settle. */
const SHORT_CHOICES = [
  ['conflicts.forgive', true],
  ['conflicts.keep', false],
] as const;
const COVERED_CHOICES = [['conflicts.settle', false]] as const;

export default function ConflictInbox() {
  const { t } = useTranslation();
  const members = useMembersInConflict();
  const [failed, setFailed] = useState(false);

  const settle = (member: Member, forgive: boolean) =>
    resolveConflict(member.id, forgive, t('conflicts.reason'), {
      staffId: DEFAULT_STAFF_ID,
      now: Date.now(),
    }).then(
      () => setFailed(false),
      () => setFailed(true),
    );

  if (!members) return null;
  return (
    <section className="panel" aria-labelledby="owner-conflicts">
      <h2 id="owner-conflicts">{t('conflicts.title')}</h2>
      {members.length === 0 ? (
        <p className="muted">{t('conflicts.none')}</p>
      ) : (
        <>
          <p>{t('conflicts.intro')}</p>
          <ul className="conflicts" aria-label={t('conflicts.title')}>
            {members.map((m) => {
              const name = m.name || t('conflicts.unknownMember');
              const owed = conflictShortfall(m.stats);
              return (
                <li key={m.id} className="conflicts__item">
                  <span className={owed > 0 ? undefined : 'conflicts__covered'}>
                    {owed > 0
                      ? t('conflicts.owed', { name, count: owed })
                      : t('conflicts.earnedBack', { name })}
                  </span>
                  {(owed > 0 ? SHORT_CHOICES : COVERED_CHOICES).map(([label, forgive]) => (
                    <button
                      key={label}
                      type="button"
                      className="button"
                      onClick={() => void settle(m, forgive)}
                    >
                      {t(label, { name })}
                    </button>
                  ))}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {failed && (
        <p className="form-error" role="alert">
          {t('errors.saveFailed')}
        </p>
      )}
    </section>
  );
}
