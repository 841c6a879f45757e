/** The member's right to be forgotten: confirm, then clear the personal fields (the ledger stays). */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storageErrorKey } from '../../db/health';
import { anonymiseMember } from '../../db/owner-actions';
import type { Member } from '../../domain/member';

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
          name={member.name}
          onConfirm={() => void confirm()}
          onCancel={() => setAsking(false)}
        />
      )}
    </section>
  );
}

function ConfirmDialog(props: { name: string; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="anonymise-confirm"
      onCancel={props.onCancel}
    >
      <h2 id="anonymise-confirm">{t('members.anonymise.confirmTitle', { name: props.name })}</h2>
      <p>{t('members.anonymise.confirmBody')}</p>
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={props.onCancel} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--primary" onClick={props.onConfirm}>
          {t('members.anonymise.confirm')}
        </button>
      </div>
    </dialog>
  );
}
