/** "New member": enroll at the counter in a few seconds; only the name is required. */
import { useEffect, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NAME_MAX, type Member } from '../../domain/member';
import type { ShopSettings } from '../../domain/program';
import { todayIso } from '../../i18n/format';
import { Field } from '../../ui/Field';
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
  const err = (k: keyof typeof errors) =>
    errors[k] ? t(`errors.${errors[k]}`, { max: NAME_MAX }) : null;

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
        <Field label={t('enroll.name')} error={err('name')}>
          <input
            value={input.name}
            onChange={(e) => change('name', e.target.value)}
            autoComplete="off"
            autoFocus
            required
          />
        </Field>
        <Field label={t('enroll.phone')} error={err('phone')}>
          <input
            type="tel"
            inputMode="tel"
            value={input.phone}
            onChange={(e) => change('phone', e.target.value)}
            autoComplete="off"
          />
        </Field>
        {takenBy && (
          <button
            type="button"
            className="button button--link"
            onClick={() => onOpenExisting(takenBy)}
          >
            {t('enroll.openExisting')}
          </button>
        )}
        <Field label={t('enroll.email')} error={err('email')}>
          <input
            type="email"
            inputMode="email"
            value={input.email}
            onChange={(e) => change('email', e.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field label={t('enroll.birthday')} error={err('birthday')}>
          <input
            type="date"
            max={todayIso(Date.now())}
            value={input.birthday}
            onChange={(e) => change('birthday', e.target.value)}
          />
        </Field>
        {askReferral && (
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
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={input.marketingConsent}
            onChange={(e) => change('marketingConsent', e.target.checked)}
          />
          <span>{t('enroll.consent', { shop: shop.name })}</span>
        </label>
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
