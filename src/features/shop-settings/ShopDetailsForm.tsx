/** The shop's name, currency, country (phone format), card size and reward, after setup. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/db';
import { storageErrorKey } from '../../db/health';
import { updateShop } from '../../db/settings';
import {
  COUNTRIES,
  CURRENCIES,
  STAMPS_PER_CARD_MAX,
  STAMPS_PER_CARD_MIN,
  type ShopSettings,
} from '../../domain/program';
import {
  cleanShopDetails,
  validateShopDetails,
  type ShopDetailsErrors,
  type ShopDetailsInput,
} from '../../domain/shop-details';
import { Field } from '../../ui/Field';

export function ShopDetailsForm({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  const [input, setInput] = useState<ShopDetailsInput>(() => ({
    name: shop.name,
    stampsPerCard: String(shop.stampsPerCard),
    rewardName: shop.rewardName,
    currency: shop.currency,
    country: shop.country,
  }));
  const [errors, setErrors] = useState<ShopDetailsErrors>({});
  const [failed, setFailed] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const change = (key: keyof ShopDetailsInput, value: string) => {
    setInput((p) => ({ ...p, [key]: value }));
    setErrors((p) => ({ ...p, [key]: undefined }));
    setSaved(false);
  };
  const err = (key: keyof ShopDetailsErrors) =>
    errors[key]
      ? t(`errors.${errors[key]}`, { min: STAMPS_PER_CARD_MIN, max: STAMPS_PER_CARD_MAX })
      : null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateShopDetails(input);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setFailed(null);
    try {
      await updateShop(db, cleanShopDetails(input));
      setSaved(true);
    } catch (e) {
      setFailed(storageErrorKey(e) ?? 'errors.saveFailed');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-labelledby="shop-details">
      <h2 id="shop-details">{t('shopSettings.title')}</h2>
      <Field label={t('setup.shopName')} error={err('name')}>
        <input value={input.name} onChange={(e) => change('name', e.target.value)} />
      </Field>
      <div className="field-row">
        <Field
          label={t('setup.stampsPerCard')}
          hint={t('shopSettings.stampsHint')}
          error={err('stampsPerCard')}
        >
          <input
            type="number"
            inputMode="numeric"
            min={STAMPS_PER_CARD_MIN}
            max={STAMPS_PER_CARD_MAX}
            value={input.stampsPerCard}
            onChange={(e) => change('stampsPerCard', e.target.value)}
          />
        </Field>
        <Field label={t('setup.reward')} error={err('rewardName')}>
          <input value={input.rewardName} onChange={(e) => change('rewardName', e.target.value)} />
        </Field>
      </div>
      <div className="field-row">
        <Field label={t('setup.currency')} error={err('currency')}>
          <select value={input.currency} onChange={(e) => change('currency', e.target.value)}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {t(`currencies.${c}`)} ({c})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('setup.country')} hint={t('setup.countryHint')} error={err('country')}>
          <select value={input.country} onChange={(e) => change('country', e.target.value)}>
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {t(`countries.${c}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {failed && (
        <p className="form-error" role="alert">
          {t(failed)}
        </p>
      )}
      <div className="shop-settings__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('shopSettings.save')}
        </button>
        <span role="status">{saved ? t('shopSettings.saved') : ''}</span>
      </div>
    </form>
  );
}
