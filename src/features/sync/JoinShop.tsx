/**
 * On a new tablet's first-run screen: "Join a shop" with the server's address
 * and the pairing code the owner's tablet shows. The shop (its card key
 * included) comes from the server, then everything syncs down.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { serverAddress } from '../../sync/server-address';
import { Field } from '../../ui/Field';
import { CatchUpBar } from './CatchUpBar';
import { useSyncErrorText } from './useSyncErrors';

export default function JoinShop() {
  const { t } = useTranslation();
  const errorText = useSyncErrorText();
  const [open, setOpen] = useState(false);
  const [server, setServer] = useState(window.location.origin);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);

  if (!open)
    return (
      <button
        type="button"
        className="button button--large setup__join"
        onClick={() => setOpen(true)}
      >
        {t('sync.join')}
      </button>
    );

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const address = serverAddress(server);
    if (!address) return setError(t('sync.errors.badServer'));
    if (!code.trim()) return setError(t('sync.errors.noCode'));
    setJoining(true);
    setError(null);
    try {
      // A short number tells the tablets apart in the owner's list.
      const name = `${t('sync.newTablet')} ${100 + Math.floor(Math.random() * 900)}`;
      const { joinShop } = await import('../../sync/pairing'); // zod loads only when it is needed
      await joinShop(address, code.trim(), name);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setJoining(false);
    }
  };

  return (
    <form className="card setup__form" onSubmit={onSubmit} noValidate>
      <h2>{t('sync.joinTitle')}</h2>
      <p className="muted">{t('sync.joinHint')}</p>
      <Field label={t('sync.server')}>
        <input
          type="url"
          inputMode="url"
          value={server}
          onChange={(e) => setServer(e.target.value)}
          autoComplete="off"
        />
      </Field>
      <Field label={t('sync.code')} error={error}>
        <input
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={12}
        />
      </Field>
      <button type="submit" className="button button--primary button--large" disabled={joining}>
        {joining ? t('sync.joining') : t('sync.joinButton')}
      </button>
      {joining && <CatchUpBar waiting />}
    </form>
  );
}
