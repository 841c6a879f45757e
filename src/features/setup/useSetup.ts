/** First run: validate, hash the owner PIN, create the shop, ask for persistent storage. */
import { useEffect, useState } from 'react';
import { createShop } from '../../db/actions';
import { saveSyncPlan } from '../../db/sync-actions';
import {
  cleanShopDetails,
  countryForCurrency,
  CURRENCIES,
  DEFAULT_STAMPS_PER_CARD,
  validateSetup,
  type Currency,
  type SetupErrors,
  type SetupInput,
} from '../../domain/shop';
import { randomKey } from '../../shared/base64url';
import { hashPin } from '../../shared/pin';
import { newId } from '../../db/ids';
import { probeServer } from '../../sync/server-here';

/** A starting currency from the browser's language and region. */
export function guessCurrency(languages: readonly string[]): Currency {
  for (const tag of languages) {
    const [lang, region] = tag.split('-');
    const byRegion: Record<string, Currency> = {
      ID: 'IDR',
      MY: 'MYR',
      VN: 'VND',
      SG: 'SGD',
      TH: 'THB',
      PH: 'PHP',
      US: 'USD',
      AU: 'AUD',
    };
    if (region && byRegion[region.toUpperCase()]) return byRegion[region.toUpperCase()]!;
    const byLang: Record<string, Currency> = { id: 'IDR', ms: 'MYR', vi: 'VND', th: 'THB' };
    if (lang && byLang[lang]) return byLang[lang]!;
  }
  return 'IDR';
}

export function initialSetup(rewardName: string): SetupInput {
  const currency = guessCurrency(typeof navigator === 'undefined' ? [] : navigator.languages);
  return {
    name: '',
    stampsPerCard: String(DEFAULT_STAMPS_PER_CARD),
    rewardName,
    currency,
    country: countryForCurrency(currency),
    pin: '',
    pinRepeat: '',
  };
}

/** Whether the app was opened from a Setia server, while setup asks. */
export type ServerHere = 'checking' | Awaited<ReturnType<typeof probeServer>>;

export function useSetup(rewardName: string, deviceName: string) {
  const [input, setInput] = useState<SetupInput>(() => initialSetup(rewardName));
  const [errors, setErrors] = useState<SetupErrors>({});
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const [server, setServer] = useState<ServerHere>('checking');
  const [localOnly, setLocalOnly] = useState(false);
  const [probe] = useState(probeServer);
  useEffect(() => {
    void probe.then(setServer);
  }, [probe]);

  const change = <K extends keyof SetupInput>(key: K, value: SetupInput[K]) => {
    setInput((prev) => {
      const next = { ...prev, [key]: value };
      // Picking a currency suggests its country (for phone numbers), until the owner picks one.
      if (key === 'currency' && prev.country === countryForCurrency(prev.currency as Currency))
        next.country = countryForCurrency(value as Currency);
      return next;
    });
    setErrors((prev) => ({ ...prev, [key]: undefined }));
  };

  const submit = async (): Promise<boolean> => {
    const found = validateSetup(input);
    setErrors(found);
    if (Object.keys(found).length > 0) return false;
    setSaving(true);
    setFailed(false);
    try {
      const ownerPin = await hashPin(input.pin);
      const now = Date.now();
      // Set up from its server: the sync engine registers the shop there as soon as it
      // starts (and keeps trying while the server cannot be reached).
      const found = await probe;
      await saveSyncPlan(
        localOnly
          ? { localOnly: true }
          : found === 'none'
            ? null
            : { server: window.location.origin, deviceName },
      );
      await createShop({
        shopId: newId(now),
        cardKey: randomKey(),
        ...cleanShopDetails(input),
        ownerPin,
        createdAt: now,
      });
      // Ask the browser not to evict the shop's data under storage pressure.
      void navigator.storage?.persist?.().catch(() => false);
      return true;
    } catch {
      setFailed(true);
      return false;
    } finally {
      setSaving(false);
    }
  };

  return {
    input,
    errors,
    saving,
    failed,
    change,
    submit,
    currencies: CURRENCIES,
    server,
    localOnly,
    setLocalOnly,
  };
}
