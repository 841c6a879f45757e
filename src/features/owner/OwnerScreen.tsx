/**
 * The owner area (routes /owner and /owner/<section>), behind the owner PIN.
 * Reached from "Owner" on the counter. Its sections come from other features
 * (composed in src/app); this screen gives them the gate, the lock and the tabs.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { updateShop } from '../../db/actions';
import type { ShopSettings } from '../../domain/shop';
import { Field } from '../../ui/Field';
import { useOwnerUnlock } from './useOwnerUnlock';
import { InstantCheckbox } from '../../ui/InstantCheckbox';

export interface OwnerSection {
  /** Path segment: /owner/<id>; the first section is also /owner. */
  id: string;
  label: string;
  /** The section's panels, given the owner PIN the owner unlocked with. */
  render: (unlocked: { ownerPin: string; shop: ShopSettings }) => ReactNode;
}

interface Props {
  shop: ShopSettings;
  sections: OwnerSection[];
  /** The section in the address, if any. */
  sectionId: string | undefined;
  onSection: (id: string) => void;
  toolbar?: ReactNode;
  onBack: () => void;
}

export default function OwnerScreen({
  shop,
  sections,
  sectionId,
  onSection,
  toolbar,
  onBack,
}: Props) {
  const { t } = useTranslation();
  const { unlocked, unlock, lock, ownerPin, needsServer } = useOwnerUnlock(shop.ownerPin);
  const current = sections.find((s) => s.id === sectionId) ?? sections[0];
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
            <nav className="owner__sections" aria-label={t('owner.sections')}>
              {sections.map((section) => (
                <a
                  key={section.id}
                  href={`/owner/${section.id}`}
                  className="owner__section-link"
                  aria-current={section === current ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    onSection(section.id);
                  }}
                >
                  {section.label}
                </a>
              ))}
            </nav>
            {current?.render({ ownerPin, shop })}
          </>
        ) : (
          <PinGate unlock={unlock} needsServer={needsServer} />
        )}
      </main>
    </div>
  );
}

function PinGate({
  unlock,
  needsServer,
}: {
  unlock: ReturnType<typeof useOwnerUnlock>['unlock'];
  needsServer: boolean;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  // A counter tablet with no connection says so before the PIN is typed, and what still works.
  const [offline, setOffline] = useState(() => needsServer && !navigator.onLine);
  useEffect(() => {
    if (!needsServer) return;
    const update = () => setOffline(!navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, [needsServer]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setChecking(true);
    const result = await unlock(pin);
    setChecking(false);
    setPin('');
    if (!result.ok && 'offline' in result) {
      setOffline(true);
      setError(null);
    } else if (!result.ok)
      setError(
        result.waitMs > 0
          ? t('owner.pinWait', { count: Math.ceil(result.waitMs / 1000) })
          : t('owner.pinWrong'),
      );
  };

  return (
    <form className="panel owner__gate" onSubmit={onSubmit} noValidate>
      <h2>{t('owner.locked')}</h2>
      {offline && (
        <p className="form-error" role="alert">
          {t('owner.needsConnection')}
        </p>
      )}
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

/** Whether printed (static) card codes are stamped; placed in a section by src/app. */
export function CardSettings({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="owner-cards">
      <h2 id="owner-cards">{t('owner.cards.title')}</h2>
      <InstantCheckbox
        initial={shop.allowStaticCodes !== false}
        label={t('owner.cards.allowStatic')}
        hint={t('owner.cards.allowStaticHint')}
        save={(next) => updateShop({ allowStaticCodes: next })}
      />
    </section>
  );
}
