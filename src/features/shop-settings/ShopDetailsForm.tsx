/** The shop's name, currency, country (phone format), card size and reward, after setup. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { storageErrorKey } from '../../db/health';
import { updateShop } from '../../db/actions';
import { STAMPS_PER_CARD_MAX, STAMPS_PER_CARD_MIN, type ShopSettings } from '../../domain/shop';
import {
  cleanShopDetails,
  validateShopDetails,
  type ShopDetailsErrors,
  type ShopDetailsInput,
} from '../../domain/shop-details';
import { ShopFields } from '../../ui/ShopFields';
import { FormActions } from '../../ui/FormActions';

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
      await updateShop(cleanShopDetails(input));
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
      <ShopFields
        input={input}
        change={change}
        err={err}
        stampsHint={t('shopSettings.stampsHint')}
      />
      <FormActions
        error={failed && t(failed)}
        submitLabel={t('shopSettings.save')}
        status={saved ? t('shopSettings.saved') : ''}
        busy={saving}
        className="shop-settings__actions"
      />
    </form>
  );
}
