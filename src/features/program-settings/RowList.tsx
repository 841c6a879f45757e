/** The buttons of an editable list of rows (promotions, tiers, catalogue rewards): add one, remove one. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NamedMultiplier } from './NamedMultiplier';
export function AddRowButton({ label, onAdd }: { label: string; onAdd: () => void }) {
  return (
    <button type="button" className="button" onClick={onAdd}>
      {label}
    </button>
  );
}

export function RemoveRowButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <button type="button" className="button button--quiet" onClick={onRemove}>
      {label}
    </button>
  );
}

/** The list without its row `index`. */
export const withoutRow = <T,>(rows: readonly T[], index: number): T[] =>
  rows.filter((_, j) => j !== index);

/**
 * A group of rows the owner edits (promotions, tiers): each row starts with its
 * name and multiplier, then its own fields, then its remove button; "add" ends it.
 */
export function RowList<T extends { id: string; name: string; multiplier: number }>({
  kind,
  hint,
  rows,
  errorOf,
  onRowChange,
  onAdd,
  onRemove,
  children,
}: {
  kind: 'promotions' | 'tiers';
  hint?: string;
  rows: readonly T[];
  errorOf: (index: number, field: 'name' | 'multiplier') => string | null;
  onRowChange: (index: number, patch: Partial<T>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  children: (row: T, index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="program__group">
      <legend>{t(`program.${kind}.title`)}</legend>
      {hint && <p className="muted">{hint}</p>}
      {rows.map((row, i) => (
        <fieldset key={row.id} className="program__row">
          <NamedMultiplier
            legend={t(`program.${kind}.item`, { n: i + 1 })}
            nameLabel={t(`program.${kind}.name`)}
            row={row}
            errorOf={(field) => errorOf(i, field)}
            onChange={(patch) => onRowChange(i, patch as Partial<T>)}
          />
          {children(row, i)}
          <RemoveRowButton label={t(`program.${kind}.remove`)} onRemove={() => onRemove(i)} />
        </fieldset>
      ))}
      <AddRowButton label={t(`program.${kind}.add`)} onAdd={onAdd} />
    </fieldset>
  );
}
