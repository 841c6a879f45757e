/** The reward catalogue: rewards besides the card's own, at their stamp costs. */
import { AddRowButton, RemoveRowButton, withoutRow } from './RowList';
import { ProgramFormActions, type SaveStatus } from './ProgramFormActions';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateShop } from '../../db/actions';
import {
  validateReward,
  type CatalogueReward,
  type RewardKind,
} from '../../domain/stamp/catalogue';
import type { ShopSettings } from '../../domain/shop';
import { Field } from '../../ui/Field';
import { AmountInput } from '../../ui/AmountInput';
import { newRowId } from './row-id';

const KINDS: RewardKind[] = ['item', 'merch', 'donation'];

export function CatalogueSettings({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  const [rewards, setRewards] = useState<CatalogueReward[]>(shop.catalogue ?? []);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [showErrors, setShowErrors] = useState(false);
  const errors = rewards.map(validateReward);
  const err = (i: number, code: string) =>
    showErrors && errors[i]!.some((e) => e === code) ? t(`program.errors.${code}`) : null;
  const set = (i: number, patch: Partial<CatalogueReward>) => {
    setRewards((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setStatus('idle');
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (errors.some((list) => list.length > 0)) return setStatus('invalid');
    try {
      await updateShop({ catalogue: rewards.map((r) => ({ ...r, name: r.name.trim() })) });
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <form
      className="panel program"
      aria-labelledby="catalogue-title"
      onSubmit={onSubmit}
      noValidate
    >
      <h2 id="catalogue-title">{t('program.catalogue.title')}</h2>
      <p className="muted">{t('program.catalogue.intro', { reward: shop.rewardName })}</p>
      {rewards.map((r, i) => (
        <fieldset key={r.id} className="program__row">
          <legend>{t('program.catalogue.item', { n: i + 1 })}</legend>
          <div className="field-row">
            <Field label={t('program.catalogue.name')} error={err(i, 'offer.name')}>
              <input value={r.name} onChange={(e) => set(i, { name: e.target.value })} />
            </Field>
            <AmountInput
              label={t('program.catalogue.cost')}
              error={err(i, 'offer.cost')}
              value={r.cost}
              onChange={(v) => set(i, { cost: v })}
            />
          </div>
          <div className="field-row">
            <Field label={t('program.catalogue.kind')}>
              <select
                value={r.kind}
                onChange={(e) => set(i, { kind: e.target.value as RewardKind })}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`program.catalogue.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <AmountInput
              label={t('program.catalogue.limit')}
              hint={t('program.catalogue.limitHint')}
              error={err(i, 'offer.limit')}
              value={r.limit ?? NaN}
              onChange={(v) => set(i, { limit: Number.isNaN(v) ? null : v })}
            />
          </div>
          <RemoveRowButton
            label={t('program.catalogue.remove')}
            onRemove={() => setRewards((rs) => withoutRow(rs, i))}
          />
        </fieldset>
      ))}
      <AddRowButton
        label={t('program.catalogue.add')}
        onAdd={() =>
          setRewards((rs) => [
            ...rs,
            { id: newRowId(), name: '', cost: 25, kind: 'merch', limit: null },
          ])
        }
      />
      <ProgramFormActions status={status} submitLabel={t('program.catalogue.save')} />
    </form>
  );
}
