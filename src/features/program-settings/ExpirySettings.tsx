/**
 * Stamp expiry (off by default): N months after the member's last visit, or N
 * months after each stamp was earned. Counting starts on the day the rule is
 * saved (domain/expiry.ts savedExpiryRule), so nobody loses stamps at once.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateShop } from '../../db/actions';
import { deviceZone, tabletDayOf } from '../../db/expiry';
import {
  EXPIRY_MONTHS_MAX,
  EXPIRY_MONTHS_MIN,
  savedExpiryRule,
  type ExpiryMode,
} from '../../domain/expiry';
import type { ShopSettings } from '../../domain/shop';
import { formatDate } from '../../i18n/format';
import { Field } from '../../ui/Field';
import { ProgramFormActions, type SaveStatus } from './ProgramFormActions';

type Choice = 'off' | ExpiryMode;
const CHOICES: readonly Choice[] = ['off', 'lastVisit', 'earned'];

export function ExpirySettings({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  const saved = shop.expiry ?? { mode: 'off' as const };
  const [mode, setMode] = useState<Choice>(saved.mode);
  const [months, setMonths] = useState(saved.mode === 'off' ? '6' : String(saved.months));
  const [status, setStatus] = useState<SaveStatus>('idle');
  const n = Number(months);
  const monthsValid =
    /^\d+$/.test(months.trim()) && n >= EXPIRY_MONTHS_MIN && n <= EXPIRY_MONTHS_MAX;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (mode !== 'off' && !monthsValid) return setStatus('invalid');
    const today = tabletDayOf(shop)(Date.now());
    const next = mode === 'off' ? { mode } : { mode, months: n };
    try {
      await updateShop({
        expiry: savedExpiryRule(shop.expiry, next, today),
        // Every tablet and the server must count the same local days: the zone goes with the rule.
        ...(shop.timeZone ? {} : { timeZone: deviceZone() }),
      });
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <form className="panel program" aria-labelledby="expiry-title" onSubmit={onSubmit} noValidate>
      <h2 id="expiry-title">{t('program.expiry.title')}</h2>
      <fieldset className="program__choices">
        <legend>{t('program.expiry.when')}</legend>
        {CHOICES.map((c) => (
          <label key={c} className="check">
            <input
              type="radio"
              name="expiry-mode"
              checked={mode === c}
              onChange={() => {
                setMode(c);
                setStatus('idle');
              }}
            />
            <span>{t(`program.expiry.modes.${c}`)}</span>
          </label>
        ))}
      </fieldset>
      {mode !== 'off' && (
        <Field
          label={t('program.expiry.months')}
          error={
            status === 'invalid' && !monthsValid
              ? t('program.expiry.monthsRange', { min: EXPIRY_MONTHS_MIN, max: EXPIRY_MONTHS_MAX })
              : null
          }
        >
          <input
            inputMode="numeric"
            value={months}
            onChange={(e) => {
              setMonths(e.target.value);
              setStatus('idle');
            }}
          />
        </Field>
      )}
      {shop.expiry && shop.expiry.mode !== 'off' && (
        <p className="muted">
          {t('program.expiry.since', { date: formatDate(shop.expiry.since) })}
        </p>
      )}
      <p className="muted">{t('program.expiry.hint')}</p>
      <ProgramFormActions status={status} submitLabel={t('program.expiry.save')} />
    </form>
  );
}
