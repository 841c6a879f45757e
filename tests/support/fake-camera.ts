/**
 * Chromium's fake camera, showing a QR code: a Y4M (YUV4MPEG2 4:2:0) file
 * written from the qrcode package's module matrix, no ffmpeg or image library.
 * The file name must end in .y4m for Chromium to take it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';

const WHITE = 235; // video white (BT.601 limited range)
const BLACK = 16;

/**
 * One frame's luma plane: the QR code centred, `fill` of the frame's shorter side;
 * `marker` adds a black square top-left (for benchmarks).
 */
function qrLuma(text: string, width: number, height: number, marker = false, fill = 0.6): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const total = n + 2 * quiet;
  const mod = Math.max(1, Math.floor((Math.min(width, height) * fill) / total));
  const side = total * mod;
  const luma = Buffer.alloc(width * height, WHITE);
  const x0 = Math.floor((width - side) / 2);
  const y0 = Math.floor((height - side) / 2);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      if (!qr.modules.data[r * n + c]) continue;
      const py = y0 + (r + quiet) * mod;
      const px = x0 + (c + quiet) * mod;
      for (let dy = 0; dy < mod; dy++)
        luma.fill(BLACK, (py + dy) * width + px, (py + dy) * width + px + mod);
    }
  if (marker) for (let y = 0; y < 24; y++) luma.fill(BLACK, y * width, y * width + 24);
  return luma;
}

export interface Segment {
  text: string;
  /** How many frames (30 per second) this code stays in view. */
  frames: number;
  marker?: boolean;
  /** Share of the frame's shorter side the code fills (default 0.6). */
  fill?: number;
}

/** A looping video of QR codes one after another (Chromium plays the file in a loop). */
export function qrVideoOf(segments: Segment[], width = 640, height = 480): Buffer {
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`)];
  for (const { text, frames, marker, fill } of segments) {
    const luma = qrLuma(text, width, height, marker, fill);
    for (let i = 0; i < frames; i++) parts.push(Buffer.from('FRAME\n'), luma, chroma, chroma);
  }
  return Buffer.concat(parts);
}

/**
 * A code held up at the counter, a little nearer and farther in turn. One still size is
 * not enough: html5-qrcode draws the 640-px frame into its ~490-px canvas, and at a given
 * size about one code in 16 (by its bit pattern) never decodes — the old scanner flake.
 */
export function qrVideo(text: string, width = 640, height = 480): Buffer {
  return qrVideoOf(
    [0.8, 0.7, 0.6, 0.5].map((fill) => ({ text, frames: 3, fill })),
    width,
    height,
  );
}

/** Chromium flags for a fake camera that films `text` as a QR code. */
export function fakeCameraShowing(text: string | Segment[]): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'setia-camera-')), 'qr.y4m');
  writeFileSync(file, typeof text === 'string' ? qrVideo(text) : qrVideoOf(text));
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`,
  ];
}
