/** A member's details, editable by the owner (the counter's fields and rules). */
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NAME_MAX, type Member } from '../../domain/member';
import type { ShopSettings } from '../../domain/program';
import { todayIso } from '../../i18n/format';
import { Field } from '../../ui/Field';
import { useMemberEdit } from './useMemberEdit';

export function MemberEditForm({ member, shop }: { member: Member; shop: ShopSettings }) {
  const { t } = useTranslation();
  const { input, errors, saving, failed, saved, change, submit } = useMemberEdit(member, shop);
  const err = (k: keyof typeof errors) =>
    errors[k] ? t(`errors.${errors[k]}`, { max: NAME_MAX }) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };

  return (
    <form
      className="member-detail__form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="member-edit"
    >
      <h3 id="member-edit">{t('members.detail.edit')}</h3>
      <Field label={t('enroll.name')} error={err('name')}>
        <input
          value={input.name}
          onChange={(e) => change('name', e.target.value)}
          autoComplete="off"
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
      <div className="member-detail__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('members.detail.save')}
        </button>
        <span role="status">{saved ? t('members.detail.saved') : ''}</span>
      </div>
    </form>
  );
}
