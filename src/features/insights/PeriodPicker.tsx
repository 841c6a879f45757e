/** Which days the insights cover: the last 7, 30 or 90 days, or two dates the owner picks. */
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import type { Preset } from './range';

interface Props {
  preset: Preset;
  onPreset: (p: Preset) => void;
  from: string;
  to: string;
  onCustom: (from: string, to: string) => void;
  invalid: boolean;
}

const PRESETS: Preset[] = ['7', '30', '90', 'custom'];

export function PeriodPicker({ preset, onPreset, from, to, onCustom, invalid }: Props) {
  const { t } = useTranslation();
  const label = (p: Preset) =>
    p === 'custom' ? t('insights.custom') : t('insights.lastDays', { count: Number(p) });
  return (
    <fieldset className="insights-period">
      <legend>{t('insights.period')}</legend>
      <div className="insights-period__choices">
        {PRESETS.map((p) => (
          <label key={p} className="insights-period__choice">
            <input
              type="radio"
              name="insights-period"
              value={p}
              checked={preset === p}
              onChange={() => onPreset(p)}
            />
            <span>{label(p)}</span>
          </label>
        ))}
      </div>
      {preset === 'custom' && (
        <div className="insights-period__dates">
          <Field label={t('insights.from')}>
            <input type="date" value={from} onChange={(e) => onCustom(e.target.value, to)} />
          </Field>
          <Field label={t('insights.to')} error={invalid ? t('insights.rangeInvalid') : null}>
            <input type="date" value={to} onChange={(e) => onCustom(from, e.target.value)} />
          </Field>
        </div>
      )}
    </fieldset>
  );
}
