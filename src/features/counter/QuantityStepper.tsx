/** 1..20 stamps at once, with big − and + for touch and a field for typing. */
import { useTranslation } from 'react-i18next';
import { QUANTITY_MAX, QUANTITY_MIN } from '../../domain/stamp/card';

interface Props {
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  describedBy?: string;
}

export function QuantityStepper({ value, onChange, invalid, describedBy }: Props) {
  const { t } = useTranslation();
  const n = Number(value);
  const step = (d: number) => {
    const base = Number.isInteger(n) ? n : QUANTITY_MIN;
    onChange(String(Math.min(QUANTITY_MAX, Math.max(QUANTITY_MIN, base + d))));
  };
  return (
    <div className="stepper">
      <button
        type="button"
        className="button stepper__button"
        aria-label={t('counter.fewer')}
        onClick={() => step(-1)}
        disabled={n <= QUANTITY_MIN}
      >
        −
      </button>
      <input
        className="stepper__input"
        type="number"
        inputMode="numeric"
        min={QUANTITY_MIN}
        max={QUANTITY_MAX}
        aria-label={t('counter.quantity')}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onFocus={(e) => e.target.select()}
      />
      <button
        type="button"
        className="button stepper__button"
        aria-label={t('counter.more')}
        onClick={() => step(1)}
        disabled={n >= QUANTITY_MAX}
      >
        +
      </button>
    </div>
  );
}
