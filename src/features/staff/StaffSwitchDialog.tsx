/** Switching who works the counter: pick a person, type their PIN (the owner's for the owner). */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { setCurrentStaff } from '../../db/actions';
import { STORED } from '../../db/browser-storage';
import { afterWrongPin, OPEN_LOCK, waitLeft } from '../../domain/owner-lock';
import { DEFAULT_STAFF_ID, type ShopSettings } from '../../domain/shop';
import { activeStaff } from '../../domain/staff';
import { verifyPin } from '../../shared/pin';
import { pinLockStore } from '../../ui/pin-lock-store';
import { Field } from '../../ui/Field';
import './staff.css';

/** Wrong switch PINs wait longer and longer (as the owner PIN does), counted on the device. */

const { read: readLock, write: writeLock } = pinLockStore(STORED.staffLock);

interface Props {
  shop: ShopSettings;
  current: string;
  onClose: () => void;
}

export default function StaffSwitchDialog({ shop, current, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const people = [
    { id: DEFAULT_STAFF_ID, name: t('staff.owner'), pin: shop.ownerPin },
    ...activeStaff(shop.staff),
  ];
  const [chosen, setChosen] = useState(
    people.find((p) => p.id !== current)?.id ?? DEFAULT_STAFF_ID,
  );
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const person = people.find((p) => p.id === chosen);
    if (!person) return;
    const now = Date.now();
    const lock = readLock();
    const wait = waitLeft(lock, now);
    if (wait > 0) {
      setError(t('staff.pinWait', { count: Math.ceil(wait / 1000) }));
      return;
    }
    setChecking(true);
    setError(null);
    try {
      if (!(await verifyPin(pin, person.pin))) {
        const next = afterWrongPin(lock, now);
        writeLock(next);
        const left = waitLeft(next, now);
        setError(
          left > 0 ? t('staff.pinWait', { count: Math.ceil(left / 1000) }) : t('staff.pinWrong'),
        );
        setPin('');
        return;
      }
      writeLock(OPEN_LOCK);
      await setCurrentStaff(person.id);
      onClose();
    } catch {
      setError(t('errors.saveFailed'));
    } finally {
      setChecking(false);
    }
  };

  // In the body, not the top bar: the bar's light-on-dark button styles must not reach it.
  return createPortal(
    <dialog ref={ref} className="dialog" aria-labelledby="staff-switch-title" onCancel={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id="staff-switch-title">{t('staff.title')}</h2>
        <fieldset className="staff-switch__people">
          <legend className="visually-hidden">{t('staff.title')}</legend>
          {people.map((p) => (
            <label key={p.id} className="check">
              <input
                type="radio"
                name="staff"
                checked={chosen === p.id}
                onChange={() => {
                  setChosen(p.id);
                  setError(null);
                }}
              />
              <span>{p.name}</span>
            </label>
          ))}
        </fieldset>
        <Field label={t('staff.pin')} error={error}>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            autoFocus
          />
        </Field>
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={checking}>
            {t('staff.switch')}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
