/** First run: the shop, its card and the owner PIN. */
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_MAX, PIN_MIN, STAMPS_PER_CARD_MAX, STAMPS_PER_CARD_MIN } from '../../domain/shop';
import { Field } from '../../ui/Field';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { ShopFields } from '../../ui/ShopFields';
import { useSetup } from './useSetup';

interface Props {
  /** Below the form: joining an existing shop instead (src/features/sync, composed in src/app). */
  footer?: ReactNode;
}

export default function SetupScreen({ footer }: Props) {
  const { t } = useTranslation();
  const { input, errors, saving, failed, change, submit, server, localOnly, setLocalOnly } =
    useSetup(t('setup.rewardDefault'), t('sync.firstTablet'));
  const err = (key: keyof typeof errors) =>
    errors[key]
      ? t(`errors.${errors[key]}`, {
          min: STAMPS_PER_CARD_MIN,
          max: STAMPS_PER_CARD_MAX,
          pinMin: PIN_MIN,
          pinMax: PIN_MAX,
        })
      : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };

  return (
    <main className="setup">
      <form className="card setup__form" onSubmit={onSubmit} noValidate>
        <div className="setup__head">
          <h1>{t('setup.title')}</h1>
          <LanguageSwitch />
        </div>
        <p className="lead">{t('setup.intro')}</p>
        <ShopFields input={input} change={change} err={err} />
        <div className="field-row">
          <Field
            label={t('setup.ownerPin')}
            hint={t('setup.ownerPinHint', { min: PIN_MIN, max: PIN_MAX })}
            error={err('pin')}
          >
            <input
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              value={input.pin}
              onChange={(e) => change('pin', e.target.value)}
            />
          </Field>
          <Field label={t('setup.pinRepeat')} error={err('pinRepeat')}>
            <input
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              value={input.pinRepeat}
              onChange={(e) => change('pinRepeat', e.target.value)}
            />
          </Field>
        </div>
        {server !== 'none' && (
          <div className="setup__server">
            {server !== 'checking' && !localOnly && (
              <p className="muted">
                {t(server === 'here' ? 'setup.server.here' : 'setup.server.later', {
                  server: window.location.host,
                })}
              </p>
            )}
            <label className="check">
              <input
                type="checkbox"
                checked={localOnly}
                onChange={(e) => setLocalOnly(e.target.checked)}
              />
              <span>{t('setup.server.localOnly')}</span>
            </label>
          </div>
        )}
        {failed && (
          <p className="form-error" role="alert">
            {t('setup.failed')}
          </p>
        )}
        <button type="submit" className="button button--primary button--large" disabled={saving}>
          {saving ? t('setup.starting') : t('setup.start')}
        </button>
      </form>
      {footer}
    </main>
  );
}
