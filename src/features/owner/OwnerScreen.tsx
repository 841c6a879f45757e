/**
 * The owner area (route /owner), behind the owner PIN: the program's card
 * settings and the device's storage. Reached from "Owner" on the counter.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/db';
import { updateShop } from '../../db/settings';
import type { ShopSettings } from '../../domain/program';
import { Field } from '../../ui/Field';
import { useOwnerUnlock } from './useOwnerUnlock';

interface Props {
  shop: ShopSettings;
  /** Panels other features put in the owner area (composed in src/app), given the owner PIN. */
  children?: (unlocked: { ownerPin: string }) => ReactNode;
  toolbar?: ReactNode;
  onBack: () => void;
}

export default function OwnerScreen({ shop, children, toolbar, onBack }: Props) {
  const { t } = useTranslation();
  const { unlocked, unlock, lock, ownerPin } = useOwnerUnlock(shop.ownerPin);
  return (
    <div className="app">
      <header className="topbar">
        <h1 className="topbar__shop">{t('owner.title', { shop: shop.name })}</h1>
        <div className="topbar__actions">
          {unlocked && (
            <button type="button" className="button" onClick={lock}>
              {t('owner.lock')}
            </button>
          )}
          <button type="button" className="button" onClick={onBack}>
            {t('owner.back')}
          </button>
          {toolbar}
        </div>
      </header>
      <main className="owner">
        {unlocked ? (
          <>
            <CardSettings shop={shop} />
            {children?.({ ownerPin })}
          </>
        ) : (
          <PinGate unlock={unlock} />
        )}
      </main>
    </div>
  );
}

function PinGate({ unlock }: { unlock: ReturnType<typeof useOwnerUnlock>['unlock'] }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setChecking(true);
    const result = await unlock(pin);
    setChecking(false);
    setPin('');
    if (!result.ok)
      setError(
        result.waitMs > 0
          ? t('owner.pinWait', { count: Math.ceil(result.waitMs / 1000) })
          : t('owner.pinWrong'),
      );
  };

  return (
    <form className="panel owner__gate" onSubmit={onSubmit} noValidate>
      <h2>{t('owner.locked')}</h2>
      <Field label={t('owner.pin')} error={error}>
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          autoFocus
        />
      </Field>
      <button type="submit" className="button button--primary button--large" disabled={checking}>
        {t('owner.unlock')}
      </button>
    </form>
  );
}

function CardSettings({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  // Shown at once; the saved setting follows (and is put back if saving fails).
  const [allow, setAllow] = useState(shop.allowStaticCodes !== false);
  return (
    <section className="panel" aria-labelledby="owner-cards">
      <h2 id="owner-cards">{t('owner.cards.title')}</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={allow}
          onChange={(e) => {
            const next = e.target.checked;
            setAllow(next);
            void updateShop(db, { allowStaticCodes: next }).then(
              () => setFailed(false),
              () => {
                setAllow(!next);
                setFailed(true);
              },
            );
          }}
        />
        <span>{t('owner.cards.allowStatic')}</span>
      </label>
      <p className="muted">{t('owner.cards.allowStaticHint')}</p>
      {failed && (
        <p className="form-error" role="alert">
          {t('errors.saveFailed')}
        </p>
      )}
    </section>
  );
}
