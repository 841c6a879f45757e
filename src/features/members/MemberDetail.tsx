/** One member in the owner area: details, stamps, manual adjustment, the full ledger, anonymising. */
import { useTranslation } from 'react-i18next';
import { useMember } from '../../db/hooks';
import type { ShopSettings } from '../../domain/shop';
import { formatDate, formatNumber } from '../../i18n/format';
import { AdjustmentForm } from './AdjustmentForm';
import { AnonymiseMember } from './AnonymiseMember';
import { MemberEditForm } from './MemberEditForm';
import { MemberLedger } from './MemberLedger';

interface Props {
  memberId: string;
  shop: ShopSettings;
  onBack: () => void;
}

export function MemberDetail({ memberId, shop, onBack }: Props) {
  const { t } = useTranslation();
  const member = useMember(memberId);

  return (
    <section className="panel member-detail" aria-labelledby="member-detail-name">
      <button type="button" className="button member-detail__back" onClick={onBack}>
        {t('members.detail.back')}
      </button>
      {member === undefined ? (
        <p className="muted" aria-busy="true">
          {t('members.ledger.loading')}
        </p>
      ) : member === null ? (
        <p role="alert">{t('errors.member.unknown')}</p>
      ) : (
        <>
          <h2 id="member-detail-name">
            {member.anonymised ? t('members.anonymised') : member.name}
          </h2>
          <dl className="member-detail__facts">
            <div>
              <dt>{t('members.column.stamps')}</dt>
              <dd>{formatNumber(member.stats.balance)}</dd>
            </div>
            <div>
              <dt>{t('members.detail.visits')}</dt>
              <dd>{formatNumber(member.stats.visits)}</dd>
            </div>
            <div>
              <dt>{t('members.column.joined')}</dt>
              <dd>{formatDate(member.joinedAt)}</dd>
            </div>
            <div>
              <dt>{t('members.column.lastVisit')}</dt>
              <dd>
                {member.stats.lastVisitAt === null
                  ? t('members.never')
                  : formatDate(member.stats.lastVisitAt)}
              </dd>
            </div>
          </dl>
          {member.anonymised ? (
            <p>{t('members.anonymise.done')}</p>
          ) : (
            <MemberEditForm key={member.id} member={member} shop={shop} />
          )}
          <AdjustmentForm memberId={member.id} />
          <MemberLedger memberId={member.id} shop={shop} />
          {!member.anonymised && <AnonymiseMember member={member} />}
        </>
      )}
    </section>
  );
}
