/** The owner adds or takes away stamps by hand, always saying why (it goes in the ledger). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { storageErrorKey } from '../../db/health';
import { LedgerRuleError } from '../../db/ledger';
import { addAdjustment } from '../../db/owner-actions';
import {
  ADJUSTMENT_MAX,
  REASON_MAX,
  validateAdjustment,
  type AdjustmentErrors,
} from '../../domain/adjustment';
import { DEFAULT_STAFF_ID } from '../../domain/shop';
import { Field } from '../../ui/Field';

export function AdjustmentForm({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const [stamps, setStamps] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<AdjustmentErrors>({});
  const [failed, setFailed] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const err = (k: keyof AdjustmentErrors) =>
    errors[k] ? t(`errors.${errors[k]}`, { max: ADJUSTMENT_MAX, maxReason: REASON_MAX }) : null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateAdjustment({ stamps, reason });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setFailed(null);
    setDone(null);
    try {
      // The owner area acts as the owner.
      const event = await addAdjustment(
        memberId,
        { stamps, reason },
        {
          staffId: DEFAULT_STAFF_ID,
          now: Date.now(),
        },
      );
      setDone(t('members.adjust.done', { count: event.stamps }));
      setStamps('');
      setReason('');
    } catch (e) {
      setFailed(
        e instanceof LedgerRuleError
          ? `errors.${e.code}`
          : (storageErrorKey(e) ?? 'errors.saveFailed'),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="member-detail__form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="member-adjust"
    >
      <h3 id="member-adjust">{t('members.adjust.title')}</h3>
      <p className="muted">{t('members.adjust.hint')}</p>
      <div className="field-row">
        <Field label={t('members.adjust.stamps')} error={err('stamps')}>
          <input
            type="number"
            inputMode="numeric"
            min={-ADJUSTMENT_MAX}
            max={ADJUSTMENT_MAX}
            value={stamps}
            onChange={(e) => {
              setStamps(e.target.value);
              setErrors((p) => ({ ...p, stamps: undefined }));
            }}
          />
        </Field>
        <Field label={t('members.adjust.reason')} error={err('reason')}>
          <input
            value={reason}
            maxLength={REASON_MAX * 2}
            onChange={(e) => {
              setReason(e.target.value);
              setErrors((p) => ({ ...p, reason: undefined }));
            }}
          />
        </Field>
      </div>
      {failed && (
        <p className="form-error" role="alert">
          {t(failed, { max: ADJUSTMENT_MAX, maxReason: REASON_MAX })}
        </p>
      )}
      <div className="member-detail__actions">
        <button type="submit" className="button" disabled={saving}>
          {t('members.adjust.add')}
        </button>
        <span role="status">{done}</span>
      </div>
    </form>
  );
}
