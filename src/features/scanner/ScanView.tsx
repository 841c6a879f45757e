/**
 * The counter's camera: reads member codes continuously and opens the member.
 * Codes are checked offline with the shop's card key (src/shared/scanned-code);
 * anything else gets a message and nothing is written.
 */
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readText, STORED, writeText } from '../../db/browser-storage';
import type { ShopSettings } from '../../domain/shop';
import { checkScannedCode, type ScanRefusal } from '../../shared/scanned-code';
import type { Facing } from './camera';
import { useCamera } from './useCamera';

/** The same code in view again within this time does not open the member twice. */
const REPEAT_MS = 4000;

interface Props {
  shop: Pick<ShopSettings, 'cardKey' | 'allowStaticCodes'>;
  onMember: (memberId: string) => void;
  onClose: () => void;
}

const storedFacing = (): Facing => (readText(STORED.camera) === 'user' ? 'user' : 'environment');

export default function ScanView({ shop, onMember, onClose }: Props) {
  const { t } = useTranslation();
  const elementId = `scanner-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [facing, setFacing] = useState<Facing>(storedFacing);
  const [refusal, setRefusal] = useState<ScanRefusal | null>(null);
  const last = useRef<{ text: string; at: number } | null>(null);
  const checking = useRef(false);

  const onCode = useCallback(
    async (text: string) => {
      const now = Date.now();
      if (checking.current) return;
      if (last.current?.text === text && now - last.current.at < REPEAT_MS) return;
      last.current = { text, at: now };
      checking.current = true;
      performance.mark('setia:scan-decoded');
      try {
        const result = await checkScannedCode(text, shop, now);
        if (result.ok) {
          setRefusal(null);
          onMember(result.memberId);
        } else setRefusal(result.reason);
      } finally {
        checking.current = false;
      }
    },
    [shop, onMember],
  );
  const camera = useCamera(elementId, facing, (text) => void onCode(text));

  const switchCamera = () => {
    const next: Facing = facing === 'user' ? 'environment' : 'user';
    setFacing(next);
    writeText(STORED.camera, next); // in private mode, remembered for this visit only
  };

  return (
    <section className="scanner" aria-label={t('scanner.title')}>
      <div className="scanner__video" id={elementId} aria-hidden="true" />
      {camera.status === 'starting' && <p className="scanner__status">{t('scanner.starting')}</p>}
      {camera.status === 'running' && !refusal && (
        <p className="scanner__status">{t('scanner.hint')}</p>
      )}
      {camera.status === 'error' && (
        <p className="form-error" role="alert">
          {t(`errors.camera.${camera.problem}`)}
        </p>
      )}
      {refusal && (
        <p className="form-error" role="alert">
          {t(`errors.scan.${refusal}`)}
        </p>
      )}
      <div className="scanner__actions">
        <button type="button" className="button" onClick={switchCamera}>
          {facing === 'user' ? t('scanner.useBackCamera') : t('scanner.useFrontCamera')}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('scanner.stop')}
        </button>
      </div>
    </section>
  );
}
