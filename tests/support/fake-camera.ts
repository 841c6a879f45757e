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

/** One frame's luma plane: the QR code centred; `marker` adds a black square top-left (for benchmarks). */
function qrLuma(text: string, width: number, height: number, marker = false): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const total = n + 2 * quiet;
  // 60 % of the frame, as a phone held up at the counter: filling 80 % made some codes
  // (about 1 in 16, by their bit pattern) undecodable for html5-qrcode once the 640-px
  // frame was drawn into the scanner's ~490-px canvas, and the scanner tests flaky.
  const mod = Math.max(1, Math.floor((Math.min(width, height) * 0.6) / total));
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
}

/** A looping video of QR codes one after another (Chromium plays the file in a loop). */
export function qrVideoOf(segments: Segment[], width = 640, height = 480): Buffer {
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`)];
  for (const { text, frames, marker } of segments) {
    const luma = qrLuma(text, width, height, marker);
    for (let i = 0; i < frames; i++) parts.push(Buffer.from('FRAME\n'), luma, chroma, chroma);
  }
  return Buffer.concat(parts);
}

export function qrVideo(text: string, width = 640, height = 480): Buffer {
  return qrVideoOf([{ text, frames: 1 }], width, height);
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
