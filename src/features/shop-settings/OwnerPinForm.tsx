/** "Change owner PIN": the current PIN, then the new one twice; only its hash is stored. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { storageErrorKey } from '../../db/health';
import { updateShop } from '../../db/actions';
import { PIN_MAX, PIN_MIN, type ShopSettings } from '../../domain/shop';
import { validatePinChange, type PinChangeErrors } from '../../domain/shop-details';
import { hashPin, verifyPin } from '../../shared/pin';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';

export function OwnerPinForm({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<PinChangeErrors>({});
  const [failed, setFailed] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const err = (k: keyof PinChangeErrors) =>
    errors[k] ? t(`errors.${errors[k]}`, { pinMin: PIN_MIN, pinMax: PIN_MAX }) : null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const found = validatePinChange(current, next, repeat);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setFailed(null);
    try {
      if (!(await verifyPin(current, shop.ownerPin))) {
        setErrors({ current: 'pin.current' });
        setCurrent('');
        return;
      }
      await updateShop({ ownerPin: await hashPin(next) });
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (e) {
      setFailed(storageErrorKey(e) ?? 'errors.saveFailed');
    } finally {
      setSaving(false);
    }
  };

  const pinInput = (value: string, set: (v: string) => void, isNew = true) => (
    <input
      type="password"
      inputMode="numeric"
      autoComplete={isNew ? 'new-password' : 'current-password'}
      value={value}
      onChange={(e) => {
        set(e.target.value);
        setErrors({});
        setDone(false);
      }}
    />
  );

  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-labelledby="owner-pin-change">
      <h2 id="owner-pin-change">{t('shopSettings.pin.title')}</h2>
      <Field label={t('shopSettings.pin.current')} error={err('current')}>
        {pinInput(current, setCurrent, false)}
      </Field>
      <div className="field-row">
        <Field
          label={t('shopSettings.pin.next')}
          hint={t('setup.ownerPinHint', { min: PIN_MIN, max: PIN_MAX })}
          error={err('next')}
        >
          {pinInput(next, setNext)}
        </Field>
        <Field label={t('shopSettings.pin.repeat')} error={err('repeat')}>
          {pinInput(repeat, setRepeat)}
        </Field>
      </div>
      <FormActions
        error={failed && t(failed)}
        submitLabel={t('shopSettings.pin.change')}
        status={done ? t('shopSettings.pin.changed') : ''}
        busy={saving}
        className="shop-settings__actions"
      />
    </form>
  );
}
