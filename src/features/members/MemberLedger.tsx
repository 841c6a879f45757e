/** A member's full ledger, newest first: what happened, when, on which tablet, by whom, why. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMemberEvents, useThisDevice } from '../../db/hooks';
import { packedMemberEvents } from '../../db/owner-actions';
import { newestFirst } from '../../db/owner-ledger';
import type { LedgerEvent } from '../../domain/ledger';
import { DEFAULT_STAFF_ID, type ShopSettings } from '../../domain/shop';
import { staffName } from '../../domain/staff';
import { formatDateTime, formatNumber } from '../../i18n/format';

export function MemberLedger({ memberId, shop }: { memberId: string; shop: ShopSettings }) {
  const { t } = useTranslation();
  // New events arrive as rows (live); packed history never changes, so it is read once.
  const rows = useMemberEvents(memberId);
  const [packed, setPacked] = useState<LedgerEvent[] | null>(null);
  useEffect(() => {
    let alive = true;
    packedMemberEvents(memberId).then(
      (events) => alive && setPacked(events),
      () => alive && setPacked([]),
    );
    return () => {
      alive = false;
    };
  }, [memberId]);
  const events = useMemo(
    () => (rows === undefined ? undefined : newestFirst(rows, packed ?? [])),
    [rows, packed],
  );
  const device = useThisDevice();

  const who = (e: LedgerEvent) =>
    staffName(shop.staff, e.staffId) ??
    (e.staffId === DEFAULT_STAFF_ID ? t('members.ledger.owner') : e.staffId);
  const note = (e: LedgerEvent) =>
    e.reason ?? e.override?.reason ?? (e.type === 'redeem' ? e.rewardName : undefined) ?? '';

  return (
    <section aria-labelledby="member-ledger" className="member-detail__ledger">
      <h3 id="member-ledger">{t('members.ledger.title')}</h3>
      {packed === null && rows !== undefined && (
        <p className="muted" aria-busy="true">
          {t('members.ledger.loadingOlder')}
        </p>
      )}
      {events === undefined ? (
        <p className="muted" aria-busy="true">
          {t('members.ledger.loading')}
        </p>
      ) : events.length === 0 && packed !== null ? (
        <p className="muted">{t('members.ledger.empty')}</p>
      ) : (
        <div className="ledger-table" tabIndex={0} role="region" aria-labelledby="member-ledger">
          <table aria-labelledby="member-ledger">
            <thead>
              <tr>
                <th scope="col">{t('members.ledger.when')}</th>
                <th scope="col">{t('members.ledger.type')}</th>
                <th scope="col">{t('members.ledger.stamps')}</th>
                <th scope="col">{t('members.ledger.device')}</th>
                <th scope="col">{t('members.ledger.staff')}</th>
                <th scope="col">{t('members.ledger.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{t(`members.ledger.types.${e.type}`)}</td>
                  <td className="ledger-table__stamps">
                    {e.stamps > 0 ? `+${formatNumber(e.stamps)}` : formatNumber(e.stamps)}
                  </td>
                  <td>
                    {e.deviceId === device?.deviceId || e.deviceId === device?.localId
                      ? t('members.ledger.thisTablet')
                      : e.deviceId}
                  </td>
                  <td>{who(e)}</td>
                  <td>{note(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
