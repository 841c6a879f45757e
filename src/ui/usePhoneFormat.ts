/**
 * Formats E.164 numbers for display. The phone metadata is a lazy chunk, so
 * the counter's first paint does not wait for it; until it arrives, E.164 shows.
 */
import { useEffect, useState } from 'react';

type Format = (e164: string) => string;
let loaded: Format | null = null;

/** `needed`: load the metadata only once there is a phone to show. */
export function usePhoneFormat(needed = true): Format {
  const [format, setFormat] = useState<Format>(() => loaded ?? ((s: string) => s));
  useEffect(() => {
    if (!needed) return;
    if (loaded) {
      const ready = loaded;
      setFormat(() => ready);
      return;
    }
    let alive = true;
    void import('../domain/phone').then((m) => {
      loaded = m.formatPhone;
      if (alive) setFormat(() => m.formatPhone);
    });
    return () => {
      alive = false;
    };
  }, [needed]);
  return format;
}
