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
                  {owed > 0 ? (
                    <>
                      <span>{t('conflicts.owed', { name, count: owed })}</span>
                      <button type="button" className="button" onClick={() => void settle(m, true)}>
                        {t('conflicts.forgive', { name })}
                      </button>
                      <button
                        type="button"
                        className="button"
                        onClick={() => void settle(m, false)}
                      >
                        {t('conflicts.keep', { name })}
                      </button>
                    </>
                  ) : (
                    <>
                      <span className="conflicts__covered">
                        {t('conflicts.earnedBack', { name })}
                      </span>
                      <button
                        type="button"
                        className="button"
                        onClick={() => void settle(m, false)}
                      >
                        {t('conflicts.settle', { name })}
                      </button>
                    </>
                  )}
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
