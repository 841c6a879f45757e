/** "New member": enroll at the counter in a few seconds; only the name is required. */
import { useEffect, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../domain/member';
import type { ShopSettings } from '../../domain/shop';
import { Field } from '../../ui/Field';
import { MemberFields } from '../../ui/MemberFields';
import { useUnsavedWork } from '../../ui/unsaved';
import { useEnroll } from './useEnroll';

interface Props {
  shop: ShopSettings;
  query: string;
  /** A referral code the new member came with (a friend's referral link). */
  referral?: string;
  onSaved: (member: Member) => void;
  onOpenExisting: (memberId: string) => void;
  onCancel: () => void;
}

export function NewMemberDialog({
  shop,
  query,
  referral = '',
  onSaved,
  onOpenExisting,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const enroll = useEnroll(shop, query, referral);
  const { input, errors, takenBy, saving, failed, change, submit } = enroll;
  const askReferral = referral !== '' || (shop.program?.referral.referrerStamps ?? 0) > 0;
  useUnsavedWork(true);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const member = await submit();
    if (member) onSaved(member);
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="new-member-title" onCancel={onCancel}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id="new-member-title">{t('enroll.title')}</h2>
        <MemberFields
          input={input}
          errors={errors}
          change={change}
          shopName={shop.name}
          autoFocus
          afterPhone={
            takenBy && (
              <button
                type="button"
                className="button button--link"
                onClick={() => onOpenExisting(takenBy)}
              >
                {t('enroll.openExisting')}
              </button>
            )
          }
          beforeConsent={
            askReferral && (
              <Field
                label={t('enroll.referral')}
                error={enroll.referralError ? t('errors.referral.unknown') : null}
              >
                <input
                  value={enroll.referralCode}
                  onChange={(e) => enroll.changeReferral(e.target.value)}
                  autoComplete="off"
                  autoCapitalize="characters"
                />
              </Field>
            )
          }
        />
        {failed && (
          <p className="form-error" role="alert">
            {t(failed)}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {t('enroll.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
