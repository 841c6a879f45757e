/**
 * The owner's sync panel: connect this (first) tablet to the shop's server,
 * "Pair a tablet" (a one-time code for a new tablet), and the paired tablets,
 * each of which the owner can remove.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncState } from '../../db/sync-hooks';
import type { ShopSettings } from '../../domain/shop';
import { formatDateTime } from '../../i18n/format';
import type { DeviceInfo, DeviceRole } from '../../shared/sync-protocol';
import { syncApi } from '../../sync/client';
import { registerShop } from '../../sync/pairing';
import { serverAddress } from '../../sync/server-address';
import { Field } from '../../ui/Field';
import { useSyncErrorText } from './useSyncErrors';

/** The kinds of device a pairing code can make, the default first. */
const PAIR_ROLES: readonly DeviceRole[] = ['counter', 'owner'];

interface Props {
  shop: ShopSettings;
  /** The owner PIN the area was unlocked with: the server asks for it again. */
  ownerPin: string;
}

export default function SyncPanel({ shop, ownerPin }: Props) {
  const { t } = useTranslation();
  const errorText = useSyncErrorText();
  const state = useSyncState();
  const [server, setServer] = useState(window.location.origin);
  const [code, setCode] = useState<{ code: string; expiresAt: number } | null>(null);
  // What the next paired device may do: a counter tablet unless the owner says otherwise.
  const [role, setRole] = useState<DeviceRole>('counter');
  const [devices, setDevices] = useState<DeviceInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  // The paired tablets, fetched when the connection is known and after a removal.
  // The list needs the network: offline, the panel simply shows none.
  const [listed, setListed] = useState(0);
  const connectedTo = state?.server;
  const token = state?.token;
  useEffect(() => {
    if (!connectedTo || !token) return;
    syncApi.devices(connectedTo, token).then(
      (reply) => setDevices(reply.devices),
      () => setDevices(null),
    );
  }, [connectedTo, token, listed]);

  const connect = () => {
    const address = serverAddress(server);
    if (!address) return setError(t('sync.errors.badServer'));
    return run(() => registerShop(address, shop, t('sync.firstTablet')));
  };

  const pair = () =>
    run(async () => {
      setCode(null); // the last code is spent or about to be: never show it beside the new one
      if (state) setCode(await syncApi.pairingCode(state.server, state.token, ownerPin, role));
    });

  const remove = (device: DeviceInfo) =>
    run(async () => {
      if (!state || !window.confirm(t('sync.removeConfirm', { name: device.name }))) return;
      await syncApi.revoke(state.server, state.token, device.id, ownerPin);
      setListed((n) => n + 1);
    });

  if (state === undefined) return null;
  return (
    <section className="panel" aria-labelledby="owner-sync">
      <h2 id="owner-sync">{t('sync.title')}</h2>
      {state === null ? (
        <>
          <p>{t('sync.notConnected')}</p>
          <Field label={t('sync.server')}>
            <input type="url" value={server} onChange={(e) => setServer(e.target.value)} />
          </Field>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void connect()}
          >
            {t('sync.connect')}
          </button>
        </>
      ) : (
        <>
          <p>{t('sync.connected', { server: state.server })}</p>
          {state.lastSyncAt !== null && (
            <p className="muted">
              {t('sync.lastSynced', { time: formatDateTime(state.lastSyncAt) })}
            </p>
          )}
          <fieldset className="field sync-role">
            <legend>{t('sync.role.label')}</legend>
            {PAIR_ROLES.map((kind) => (
              <label key={kind} className="check">
                <input
                  type="radio"
                  name="pair-role"
                  value={kind}
                  checked={role === kind}
                  onChange={() => {
                    setRole(kind);
                    setCode(null); // a code shown was made for the other kind
                  }}
                />
                <span>
                  {t(`sync.role.${kind}`)}
                  <small className="muted"> — {t(`sync.role.${kind}Hint`)}</small>
                </span>
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void pair()}
          >
            {t('sync.pair')}
          </button>
          {code && (
            <p className="sync-code" role="status" aria-label={t('sync.codeLabel')}>
              <strong>{code.code}</strong>{' '}
              {t('sync.codeHint', { time: formatDateTime(code.expiresAt) })}
            </p>
          )}
          {devices && (
            <>
              <h3>{t('sync.devices')}</h3>
              <ul className="sync-devices">
                {devices.map((d) => (
                  <li key={d.id}>
                    <span>
                      {d.name}
                      {d.id === state.deviceId && ` (${t('sync.thisDevice')})`}
                      {d.revokedAt !== null && ` — ${t('sync.removed')}`}
                    </span>
                    {d.revokedAt === null && d.id !== state.deviceId && (
                      <button
                        type="button"
                        className="button"
                        disabled={busy}
                        onClick={() => void remove(d)}
                      >
                        {t('sync.remove', { name: d.name })}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
