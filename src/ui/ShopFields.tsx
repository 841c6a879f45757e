/**
 * The shop's details as the owner types them: name, card size, reward, currency
 * and country. One set of fields for first-run setup and the owner's Shop form.
 */
import { useTranslation } from 'react-i18next';
import {
  COUNTRIES,
  CURRENCIES,
  STAMPS_PER_CARD_MAX,
  STAMPS_PER_CARD_MIN,
  type ShopDetailsInput,
} from '../domain/shop';
import { Field } from './Field';

interface Props {
  input: ShopDetailsInput;
  change: (key: keyof ShopDetailsInput, value: string) => void;
  /** A field's error message, in the person's words, or null. */
  err: (key: keyof ShopDetailsInput) => string | null;
  /** Under "Stamps per card" (e.g. what a change means for existing cards). */
  stampsHint?: string;
}

export function ShopFields({ input, change, err, stampsHint }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('setup.shopName')} error={err('name')}>
        <input
          value={input.name}
          onChange={(e) => change('name', e.target.value)}
          autoComplete="organization"
        />
      </Field>
      <div className="field-row">
        <Field label={t('setup.stampsPerCard')} hint={stampsHint} error={err('stampsPerCard')}>
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
    </>
  );
}
