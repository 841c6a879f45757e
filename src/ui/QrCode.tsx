/**
 * A QR code drawn as one SVG path from the qrcode package's module matrix:
 * crisp at any size, printable, and no inline markup (the CSP stays strict).
 */
import { create } from 'qrcode';
import { useMemo } from 'react';

interface Props {
  text: string;
  /** The accessible name: what this code is for. */
  label: string;
  className?: string;
}

const QUIET_ZONE = 4;

export function QrCode({ text, label, className }: Props) {
  const { size, path } = useMemo(() => {
    const qr = create(text, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const data = qr.modules.data;
    let d = '';
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++)
        if (data[r * n + c]) d += `M${c + QUIET_ZONE} ${r + QUIET_ZONE}h1v1h-1z`;
    return { size: n + 2 * QUIET_ZONE, path: d };
  }, [text]);
  return (
    <svg
      className={className ? `qr ${className}` : 'qr'}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      data-code={text}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
