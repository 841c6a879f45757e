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

export function qrVideo(text: string, width = 640, height = 480): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const total = n + 2 * quiet;
  const mod = Math.max(1, Math.floor((Math.min(width, height) * 0.8) / total));
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
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  return Buffer.concat([header, Buffer.from('FRAME\n'), luma, chroma, chroma]);
}

/** Chromium flags for a fake camera that films `text` as a QR code. */
export function fakeCameraShowing(text: string): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'setia-camera-')), 'qr.y4m');
  writeFileSync(file, qrVideo(text));
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`,
  ];
}
