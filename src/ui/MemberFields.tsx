/**
 * A member's details as a cashier or the owner types them: name, phone, email,
 * birthday and marketing consent. One set of fields for "New member" at the
 * counter and the owner's member page, so both read and check the same way.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NAME_MAX, type MemberInput, type MemberErrors } from '../domain/member';
import { todayIso } from '../i18n/format';
import { Field } from './Field';

interface Props {
  input: MemberInput;
  errors: MemberErrors;
  change: <K extends keyof MemberInput>(key: K, value: MemberInput[K]) => void;
  shopName: string;
  /** The counter's form starts in the name field. */
  autoFocus?: boolean;
  /** Shown under the phone (e.g. "Open that member" when the phone is taken). */
  afterPhone?: ReactNode;
  /** Shown before the consent box (e.g. a referral code). */
  beforeConsent?: ReactNode;
  /**
   * The customer types their own details on their own phone (the join page): their
   * browser may fill in name and phone, no email is asked, and the birthday has its own label.
   */
  own?: { birthdayLabel: string };
}

export function MemberFields({
  input,
  errors,
  change,
  shopName,
  autoFocus = false,
  afterPhone,
  beforeConsent,
  own,
}: Props) {
  const { t } = useTranslation();
  const err = (k: keyof MemberErrors) =>
    errors[k] ? t(`errors.${errors[k]}`, { max: NAME_MAX }) : null;
  return (
    <>
      <Field label={t('enroll.name')} error={err('name')}>
        <input
          value={input.name}
          onChange={(e) => change('name', e.target.value)}
          autoComplete={own ? 'name' : 'off'}
          autoFocus={autoFocus}
          required
        />
      </Field>
      <Field label={t('enroll.phone')} error={err('phone')}>
        <input
          type="tel"
          inputMode="tel"
          value={input.phone}
          onChange={(e) => change('phone', e.target.value)}
          autoComplete={own ? 'tel' : 'off'}
          required={own !== undefined}
        />
      </Field>
      {afterPhone}
      {!own && (
        <Field label={t('enroll.email')} error={err('email')}>
          <input
            type="email"
            inputMode="email"
            value={input.email}
            onChange={(e) => change('email', e.target.value)}
            autoComplete="off"
          />
        </Field>
      )}
      <Field label={own?.birthdayLabel ?? t('enroll.birthday')} error={err('birthday')}>
        <input
          type="date"
          max={todayIso(Date.now())}
          value={input.birthday}
          onChange={(e) => change('birthday', e.target.value)}
        />
      </Field>
      {beforeConsent}
      <label className="check">
        <input
          type="checkbox"
          checked={input.marketingConsent}
          onChange={(e) => change('marketingConsent', e.target.checked)}
        />
        <span>{t('enroll.consent', { shop: shopName })}</span>
      </label>
    </>
  );
}
