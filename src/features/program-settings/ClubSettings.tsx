/** The paid club membership the cashier can sell at the counter. */
import { ProgramFormActions, type SaveStatus } from './ProgramFormActions';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateShop } from '../../db/actions';
import {
  CLUB_PERIODS,
  validateClub,
  type ClubOffer,
  type ClubPeriod,
} from '../../domain/stamp/club';
import type { ShopSettings } from '../../domain/shop';
import { Field } from '../../ui/Field';
import { AmountInput } from '../../ui/AmountInput';

const EMPTY: ClubOffer = { name: '', price: 0, period: 'month', multiplier: 2, perks: '' };

export function ClubSettings({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  const [offered, setOffered] = useState(shop.club !== undefined);
  const [club, setClub] = useState<ClubOffer>(shop.club ?? EMPTY);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [showErrors, setShowErrors] = useState(false);
  const errors = offered ? validateClub(club) : [];
  const err = (code: string) =>
    showErrors && errors.some((e) => e === code) ? t(`program.errors.${code}`) : null;
  const set = (patch: Partial<ClubOffer>) => {
    setClub((c) => ({ ...c, ...patch }));
    setStatus('idle');
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (errors.length > 0) return setStatus('invalid');
    try {
      // An optional setting is removed by writing undefined (older shops never had it).
      await updateShop({
        club: offered ? { ...club, name: club.name.trim(), perks: club.perks.trim() } : undefined,
      });
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <form className="panel program" aria-labelledby="club-title" onSubmit={onSubmit} noValidate>
      <h2 id="club-title">{t('program.club.title')}</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={offered}
          onChange={(e) => {
            setOffered(e.target.checked);
            setStatus('idle');
          }}
        />
        <span>{t('program.club.offered')}</span>
      </label>
      {offered && (
        <>
          <div className="field-row">
            <Field label={t('program.club.name')} error={err('offer.name')}>
              <input value={club.name} onChange={(e) => set({ name: e.target.value })} />
            </Field>
            <AmountInput
              label={t('program.club.price', { currency: shop.currency })}
              error={err('club.price')}
              currency={shop.currency}
              value={club.price}
              onChange={(v) => set({ price: v })}
            />
          </div>
          <div className="field-row">
            <Field label={t('program.club.period')}>
              <select
                value={club.period}
                onChange={(e) => set({ period: e.target.value as ClubPeriod })}
              >
                {CLUB_PERIODS.map((p) => (
                  <option key={p} value={p}>
                    {t(`program.club.periods.${p}`)}
                  </option>
                ))}
              </select>
            </Field>
            <AmountInput
              label={t('program.multiplier')}
              error={err('club.multiplier')}
              fractionDigits={2}
              value={club.multiplier}
              onChange={(v) => set({ multiplier: v })}
            />
          </div>
          <Field label={t('program.club.perks')} error={err('club.perks')}>
            <input value={club.perks} onChange={(e) => set({ perks: e.target.value })} />
          </Field>
        </>
      )}
      <ProgramFormActions status={status} submitLabel={t('program.club.save')} />
    </form>
  );
}
