/** The member's right to be forgotten: confirm, then clear the personal fields (the ledger stays). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storageErrorKey } from '../../db/health';
import { anonymiseMember } from '../../db/owner-actions';
import type { Member } from '../../domain/member';
import ConfirmDialog from '../../ui/ConfirmDialog';

export function AnonymiseMember({ member }: { member: Member }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const confirm = async () => {
    try {
      await anonymiseMember(member.id, Date.now());
      setAsking(false);
    } catch (e) {
      setFailed(storageErrorKey(e) ?? 'errors.saveFailed');
    }
  };

  return (
    <section aria-labelledby="member-anonymise" className="member-detail__forget">
      <h3 id="member-anonymise">{t('members.anonymise.title')}</h3>
      <p className="muted">{t('members.anonymise.hint')}</p>
      <button type="button" className="button" onClick={() => setAsking(true)}>
        {t('members.anonymise.button')}
      </button>
      {failed && (
        <p className="form-error" role="alert">
          {t(failed)}
        </p>
      )}
      {asking && (
        <ConfirmDialog
          title={t('members.anonymise.confirmTitle', { name: member.name })}
          confirm={t('members.anonymise.confirm')}
          irreversible
          onConfirm={() => void confirm()}
          onCancel={() => setAsking(false)}
        >
          <p>{t('members.anonymise.confirmBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
