/** The owner's staff list: add a person with a short PIN, deactivate or reactivate them. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { storageErrorKey } from '../../db/health';
import { addStaffMember, setStaffActive } from '../../db/owner-actions';
import type { ShopSettings } from '../../domain/shop';
import {
  STAFF_NAME_MAX,
  STAFF_PIN_MAX,
  STAFF_PIN_MIN,
  validateStaffInput,
  type StaffErrors,
} from '../../domain/staff-input';
import { hashPin } from '../../shared/pin';
import { Field } from '../../ui/Field';
import './staff.css';
import { FormActions } from '../../ui/FormActions';

export default function StaffPanel({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<StaffErrors>({});
  const [failed, setFailed] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const staff = shop.staff ?? [];
  const err = (k: keyof StaffErrors) =>
    errors[k]
      ? t(`errors.${errors[k]}`, {
          max: STAFF_NAME_MAX,
          pinMin: STAFF_PIN_MIN,
          pinMax: STAFF_PIN_MAX,
        })
      : null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateStaffInput({ name, pin }, staff);
    setErrors(found);
    setDone(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setFailed(null);
    try {
      const added = await addStaffMember(name, await hashPin(pin), Date.now());
      setDone(t('staffAdmin.added', { name: added.name }));
      setName('');
      setPin('');
    } catch (e) {
      setFailed(storageErrorKey(e) ?? 'errors.saveFailed');
    } finally {
      setSaving(false);
    }
  };

  const toggle = (id: string, active: boolean) =>
    setStaffActive(id, active).then(
      () => setFailed(null),
      (e: unknown) => setFailed(storageErrorKey(e) ?? 'errors.saveFailed'),
    );

  return (
    <section className="panel" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('staffAdmin.title')}</h2>
      <p className="muted">{t('staffAdmin.intro')}</p>
      {staff.length === 0 ? (
        <p>{t('staffAdmin.none')}</p>
      ) : (
        <ul className="staff-list" aria-label={t('staffAdmin.title')}>
          {staff.map((s) => (
            <li key={s.id} className="staff-list__item">
              <span>
                {s.name}
                {!s.active && <span className="muted"> · {t('staffAdmin.inactive')}</span>}
              </span>
              <button type="button" className="button" onClick={() => void toggle(s.id, !s.active)}>
                {s.active
                  ? t('staffAdmin.deactivate', { name: s.name })
                  : t('staffAdmin.reactivate', { name: s.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate aria-labelledby="staff-add">
        <h3 id="staff-add">{t('staffAdmin.add')}</h3>
        <div className="field-row">
          <Field label={t('staffAdmin.name')} error={err('name')}>
            <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </Field>
          <Field
            label={t('staffAdmin.pin')}
            hint={t('staffAdmin.pinHint', { min: STAFF_PIN_MIN, max: STAFF_PIN_MAX })}
            error={err('pin')}
          >
            <input
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              value={pin}
              onChange={(e) => setPin(e.target.value)}
            />
          </Field>
        </div>
        <FormActions
          error={failed && t(failed)}
          submitLabel={t('staffAdmin.save')}
          status={done ?? ''}
          busy={saving}
          className="staff-add__actions"
        />
      </form>
    </section>
  );
}
