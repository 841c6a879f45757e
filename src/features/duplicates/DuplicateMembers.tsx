/**
 * "Possible duplicate members" in the owner area, next to the conflict inbox:
 * the same phone enrolled on two tablets while they were offline. Merging
 * keeps the member enrolled first and moves the other's stamps to it (ledger
 * adjustments, nothing deleted); the merge syncs to every tablet.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateGroup, MergedLeftover } from '../../db/duplicates';
import { useDuplicates } from '../../db/hooks';
import { mergeDuplicate, moveLeftoverStamps } from '../../db/owner-actions';
import { DEFAULT_STAFF_ID } from '../../domain/shop';
import { formatDate } from '../../i18n/format';
import { usePhoneFormat } from '../../ui/usePhoneFormat';

const ctx = () => ({ staffId: DEFAULT_STAFF_ID, now: Date.now() });

export default function DuplicateMembers() {
  const { t } = useTranslation();
  const found = useDuplicates();
  const formatPhone = usePhoneFormat(Boolean(found?.groups.length));
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const merge = ({ members: [keep, ...others] }: DuplicateGroup) =>
    run(async () => {
      for (const dup of others)
        await mergeDuplicate(keep!.id, dup.id, t('duplicates.reason', { name: keep!.name }), ctx());
    });

  const moveLeftover = ({ member, into }: MergedLeftover) =>
    run(() => moveLeftoverStamps(member.id, t('duplicates.reason', { name: into.name }), ctx()));

  if (!found) return null;
  const { groups, leftovers } = found;
  return (
    <section className="panel" aria-labelledby="owner-duplicates">
      <h2 id="owner-duplicates">{t('duplicates.title')}</h2>
      {groups.length === 0 && leftovers.length === 0 ? (
        <p className="muted">{t('duplicates.none')}</p>
      ) : (
        <>
          {groups.length > 0 && <p>{t('duplicates.intro')}</p>}
          <ul className="duplicates" aria-label={t('duplicates.title')}>
            {groups.map((group) => {
              const keep = group.members[0]!;
              return (
                <li key={group.phone} className="duplicates__item">
                  <ul aria-label={t('duplicates.phone', { phone: formatPhone(group.phone) })}>
                    {group.members.map((m) => (
                      <li key={m.id}>
                        {t('duplicates.member', {
                          name: m.name,
                          count: m.stats.balance,
                          joined: formatDate(m.joinedAt),
                        })}
                      </li>
                    ))}
                  </ul>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => void merge(group)}
                  >
                    {t('duplicates.merge', { name: keep.name })}
                  </button>
                </li>
              );
            })}
            {leftovers.map((leftover) => (
              <li key={leftover.member.id} className="duplicates__item">
                <span>
                  {leftover.member.stats.balance > 0
                    ? t('duplicates.leftover', {
                        name: leftover.into.name,
                        count: leftover.member.stats.balance,
                      })
                    : t('duplicates.overdrawn', {
                        name: leftover.into.name,
                        count: -leftover.member.stats.balance,
                      })}
                </span>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void moveLeftover(leftover)}
                >
                  {t('duplicates.settle', { name: leftover.into.name })}
                </button>
              </li>
            ))}
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
