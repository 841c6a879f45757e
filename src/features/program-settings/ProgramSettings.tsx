/**
 * The owner's program rules: how stamps are earned, bonuses, promotions, tiers
 * and the cooldown, with a live preview. Saved into the shop's settings (which
 * sync to the other tablets); past events keep what they granted.
 */
import { RowList, withoutRow } from './RowList';
import { ProgramFormActions, type SaveStatus } from './ProgramFormActions';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateShop } from '../../db/actions';
import type { ShopSettings } from '../../domain/shop';
import { ruleFieldErrors } from '../../domain/rule-fields';
import {
  DEFAULT_RULES,
  visitStampsMax,
  type EarningMode,
  type ProgramRules,
  type Promotion,
  type Tier,
} from '../../domain/stamp/rules';
import { Field } from '../../ui/Field';
import { AmountInput } from '../../ui/AmountInput';
import { ProgramPreview } from './ProgramPreview';
import { newRowId } from './row-id';
import './program.css';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];
const MODES: EarningMode[] = ['visit', 'item', 'amount'];

// A new row's starting values: the owner fills in the name.
const newPromotion = (): Promotion => ({
  id: newRowId(),
  name: '',
  multiplier: 2,
  from: null,
  to: null,
  weekdays: [],
});
const newTier = (): Tier => ({
  id: newRowId(),
  name: '',
  basis: 'visits',
  threshold: 10,
  multiplier: 2,
});

export function ProgramSettings({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  const [rules, setRules] = useState<ProgramRules>(shop.program ?? DEFAULT_RULES);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [showErrors, setShowErrors] = useState(false);
  const errors = ruleFieldErrors(rules);
  const err = (field: string) =>
    showErrors && errors[field] ? t(`program.errors.${errors[field]}`) : null;

  const change = (patch: Partial<ProgramRules>) => {
    setRules((r) => ({ ...r, ...patch }));
    setStatus('idle');
  };
  const setPromo = (i: number, patch: Partial<Promotion>) =>
    change({ promotions: rules.promotions.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const setTier = (i: number, patch: Partial<Tier>) =>
    change({ tiers: rules.tiers.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (Object.keys(errors).length > 0) return setStatus('invalid');
    try {
      const clean = {
        ...rules,
        promotions: rules.promotions.map((p) => ({ ...p, name: p.name.trim() })),
        tiers: rules.tiers.map((x) => ({ ...x, name: x.name.trim() })),
      };
      await updateShop({ program: clean });
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <form className="panel program" aria-labelledby="program-title" onSubmit={onSubmit} noValidate>
      <h2 id="program-title">{t('program.title')}</h2>
      <p className="muted">{t('program.intro')}</p>

      <fieldset className="program__group">
        <legend>{t('program.earning.title')}</legend>
        <Field label={t('program.earning.mode')}>
          <select
            value={rules.earning.mode}
            onChange={(e) =>
              change({ earning: { ...rules.earning, mode: e.target.value as EarningMode } })
            }
          >
            {MODES.map((m) => (
              <option key={m} value={m}>
                {t(`program.earning.${m}`)}
              </option>
            ))}
          </select>
        </Field>
        {rules.earning.mode === 'item' && (
          <AmountInput
            label={t('program.earning.stampsPerItem')}
            error={err('stampsPerItem')}
            value={rules.earning.stampsPerItem}
            onChange={(v) => change({ earning: { ...rules.earning, stampsPerItem: v } })}
          />
        )}
        {rules.earning.mode === 'amount' && (
          <AmountInput
            label={t('program.earning.amountPerStamp', { currency: shop.currency })}
            error={err('amountPerStamp')}
            currency={shop.currency}
            value={rules.earning.amountPerStamp}
            onChange={(v) => change({ earning: { ...rules.earning, amountPerStamp: v } })}
          />
        )}
        <AmountInput
          label={t('program.earning.maxStampsPerVisit')}
          hint={t('program.earning.maxStampsPerVisitHint')}
          error={err('maxStampsPerVisit')}
          value={visitStampsMax(rules)}
          onChange={(v) => change({ maxStampsPerVisit: v })}
        />
      </fieldset>

      <fieldset className="program__group">
        <legend>{t('program.bonus.title')}</legend>
        <div className="field-row">
          <AmountInput
            label={t('program.bonus.welcome')}
            error={err('welcomeStamps')}
            value={rules.welcomeStamps}
            onChange={(v) => change({ welcomeStamps: v })}
          />
          <AmountInput
            label={t('program.bonus.referral')}
            error={err('referral')}
            value={rules.referral.referrerStamps}
            onChange={(v) => change({ referral: { referrerStamps: v } })}
          />
          <AmountInput
            label={t('program.bonus.feedback')}
            error={err('feedback')}
            value={rules.feedback.stamps}
            onChange={(v) => change({ feedback: { stamps: v } })}
          />
        </div>
        <div className="field-row">
          <AmountInput
            label={t('program.bonus.birthday')}
            error={err('birthday.stamps')}
            value={rules.birthday.stamps}
            onChange={(v) => change({ birthday: { ...rules.birthday, stamps: v } })}
          />
          <AmountInput
            label={t('program.bonus.birthdayWindow')}
            error={err('birthday.windowDays')}
            value={rules.birthday.windowDays}
            onChange={(v) => change({ birthday: { ...rules.birthday, windowDays: v } })}
          />
        </div>
        <p className="muted">{t('program.bonus.hint')}</p>
      </fieldset>

      <RowList
        kind="promotions"
        rows={rules.promotions}
        errorOf={(i, field) => err(`promotions.${i}.${field}`)}
        onRowChange={setPromo}
        onAdd={() => change({ promotions: [...rules.promotions, newPromotion()] })}
        onRemove={(i) => change({ promotions: withoutRow(rules.promotions, i) })}
      >
        {(p, i) => (
          <>
            <div className="field-row">
              <Field label={t('program.promotions.from')}>
                <input
                  type="date"
                  value={p.from ?? ''}
                  onChange={(e) => setPromo(i, { from: e.target.value || null })}
                />
              </Field>
              <Field label={t('program.promotions.to')} error={err(`promotions.${i}.to`)}>
                <input
                  type="date"
                  value={p.to ?? ''}
                  onChange={(e) => setPromo(i, { to: e.target.value || null })}
                />
              </Field>
            </div>
            <fieldset className="program__weekdays">
              <legend>{t('program.promotions.weekdays')}</legend>
              {WEEKDAYS.map((d) => (
                <label key={d} className="check">
                  <input
                    type="checkbox"
                    checked={p.weekdays.includes(d)}
                    onChange={(e) =>
                      setPromo(i, {
                        weekdays: e.target.checked
                          ? [...p.weekdays, d].sort()
                          : p.weekdays.filter((x) => x !== d),
                      })
                    }
                  />
                  <span>{t(`program.weekday.${d}`)}</span>
                </label>
              ))}
            </fieldset>
          </>
        )}
      </RowList>

      <RowList
        kind="tiers"
        hint={t('program.tiers.hint')}
        rows={rules.tiers}
        errorOf={(i, field) => err(`tiers.${i}.${field}`)}
        onRowChange={setTier}
        onAdd={() => change({ tiers: [...rules.tiers, newTier()] })}
        onRemove={(i) => change({ tiers: withoutRow(rules.tiers, i) })}
      >
        {(tier, i) => (
          <>
            <div className="field-row">
              <AmountInput
                label={t('program.tiers.threshold')}
                error={err(`tiers.${i}.threshold`)}
                value={tier.threshold}
                onChange={(v) => setTier(i, { threshold: v })}
              />
              <Field label={t('program.tiers.basis')}>
                <select
                  value={tier.basis}
                  onChange={(e) => setTier(i, { basis: e.target.value as Tier['basis'] })}
                >
                  <option value="visits">{t('program.tiers.visits')}</option>
                  <option value="rewards">{t('program.tiers.rewards')}</option>
                </select>
              </Field>
            </div>
          </>
        )}
      </RowList>

      <fieldset className="program__group">
        <legend>{t('program.cooldown.title')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={rules.cooldown.enabled}
            onChange={(e) => change({ cooldown: { ...rules.cooldown, enabled: e.target.checked } })}
          />
          <span>{t('program.cooldown.enabled')}</span>
        </label>
        {rules.cooldown.enabled && (
          <div className="field-row">
            <AmountInput
              label={t('program.cooldown.maxStamps')}
              error={err('cooldown')}
              value={rules.cooldown.maxStamps}
              onChange={(v) => change({ cooldown: { ...rules.cooldown, maxStamps: v } })}
            />
            <AmountInput
              label={t('program.cooldown.minutes')}
              value={rules.cooldown.minutes}
              onChange={(v) => change({ cooldown: { ...rules.cooldown, minutes: v } })}
            />
          </div>
        )}
        <p className="muted">{t('program.cooldown.hint')}</p>
      </fieldset>

      {Object.keys(errors).length === 0 && <ProgramPreview rules={rules} shop={shop} />}

      <ProgramFormActions status={status} submitLabel={t('program.save')} large />
    </form>
  );
}
