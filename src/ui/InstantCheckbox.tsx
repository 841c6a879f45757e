/**
 * An owner's on/off setting that saves as it is ticked: shown at once, the saved
 * setting follows, and it is put back (with a message) if saving fails.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  initial: boolean;
  label: ReactNode;
  hint?: ReactNode;
  save: (next: boolean) => Promise<unknown>;
}

export function InstantCheckbox({ initial, label, hint, save }: Props) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(initial);
  const [failed, setFailed] = useState(false);
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => {
            const next = e.target.checked;
            setChecked(next);
            void save(next).then(
              () => setFailed(false),
              () => {
                setChecked(!next);
                setFailed(true);
              },
            );
          }}
        />
        <span>{label}</span>
      </label>
      {hint && <p className="muted">{hint}</p>}
      {failed && (
        <p className="form-error" role="alert">
          {t('errors.saveFailed')}
        </p>
      )}
    </>
  );
}
