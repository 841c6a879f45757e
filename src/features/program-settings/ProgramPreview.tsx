/** What a sample visit earns under the rules being edited, in words, as the owner types. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopSettings } from '../../domain/shop';
import { earn } from '../../domain/stamp/earn';
import type { ProgramRules } from '../../domain/stamp/rules';
import { formatDate, todayIso } from '../../i18n/format';
import { explainStamps } from '../../ui/ruleLines';
import { Field } from '../../ui/Field';
import { AmountInput } from '../../ui/AmountInput';

export function ProgramPreview({ rules, shop }: { rules: ProgramRules; shop: ShopSettings }) {
  const { t } = useTranslation();
  const outputId = useId();
  const [tierId, setTierId] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [amount, setAmount] = useState(rules.earning.amountPerStamp * 2);
  const [date, setDate] = useState(() => todayIso(Date.now()));
  const [birthday, setBirthday] = useState(false);
  const [club, setClub] = useState(false);

  const tier = rules.tiers.find((x) => x.id === tierId) ?? null;
  const amountMode = rules.earning.mode === 'amount';
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const result =
    validDate && (amountMode ? amount > 0 : Number.isInteger(quantity) && quantity > 0)
      ? earn(rules, amountMode ? { quantity: 1, amount } : { quantity }, {
          date,
          weekday: new Date(`${date}T12:00:00Z`).getUTCDay(),
          birthday: birthday ? date : null,
          birthdayBonusYears: [],
          tier,
          clubActive: club && shop.club !== undefined,
          clubMultiplier: shop.club?.multiplier ?? 1,
        })
      : null;

  return (
    <section className="program__preview" aria-labelledby={`${outputId}-title`}>
      <h3 id={`${outputId}-title`}>{t('program.preview.title')}</h3>
      <div className="field-row">
        <Field label={t('program.preview.tier')}>
          <select value={tierId} onChange={(e) => setTierId(e.target.value)}>
            <option value="">{t('program.preview.noTier')}</option>
            {rules.tiers.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </Field>
        {amountMode ? (
          <AmountInput
            label={t('program.preview.amount', { currency: shop.currency })}
            currency={shop.currency}
            value={amount}
            onChange={setAmount}
          />
        ) : (
          <AmountInput
            label={t('program.preview.quantity')}
            value={quantity}
            onChange={setQuantity}
          />
        )}
        <Field label={t('program.preview.date')}>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" checked={birthday} onChange={(e) => setBirthday(e.target.checked)} />
        <span>{t('program.preview.birthday')}</span>
      </label>
      {shop.club && (
        <label className="check">
          <input type="checkbox" checked={club} onChange={(e) => setClub(e.target.checked)} />
          <span>{t('program.preview.club', { club: shop.club.name })}</span>
        </label>
      )}
      <output id={outputId} aria-label={t('program.preview.title')} aria-live="polite">
        {result
          ? t('program.preview.result', {
              date: formatDate(date),
              earns: explainStamps(t, result.stamps, result.lines),
            })
          : t('program.preview.incomplete')}
      </output>
    </section>
  );
}
