/** A promotion's or a tier's first line: its name and the multiplier it gives stamps. */
import { useTranslation } from 'react-i18next';
import { AmountInput } from '../../ui/AmountInput';
import { Field } from '../../ui/Field';

interface Row {
  name: string;
  multiplier: number;
}

export function NamedMultiplier({
  legend,
  nameLabel,
  row,
  errorOf,
  onChange,
}: {
  legend: string;
  nameLabel: string;
  row: Row;
  errorOf: (field: keyof Row) => string | null;
  onChange: (patch: Partial<Row>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <legend>{legend}</legend>
      <div className="field-row">
        <Field label={nameLabel} error={errorOf('name')}>
          <input value={row.name} onChange={(e) => onChange({ name: e.target.value })} />
        </Field>
        <AmountInput
          label={t('program.multiplier')}
          error={errorOf('multiplier')}
          fractionDigits={2}
          value={row.multiplier}
          onChange={(v) => onChange({ multiplier: v })}
        />
      </div>
    </>
  );
}
