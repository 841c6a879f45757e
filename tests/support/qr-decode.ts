/**
 * Reads a QR code the page shows, as a camera would: the element is drawn to
 * a canvas in the page, its pixels decoded here with the zxing decoder that
 * html5-qrcode ships.
 */
import { createRequire } from 'node:module';
import type { Locator } from 'playwright-core';

const require = createRequire(import.meta.url);
const ZXing = require('html5-qrcode/third_party/zxing-js.umd.js') as {
  RGBLuminanceSource: new (pixels: Int32Array, width: number, height: number) => unknown;
  BinaryBitmap: new (binarizer: unknown) => unknown;
  HybridBinarizer: new (source: unknown) => unknown;
  QRCodeReader: new () => {
    decode(bitmap: unknown, hints?: Map<number, unknown>): { getText(): string };
  };
  DecodeHintType: { PURE_BARCODE: number };
};

/**
 * The text of the QR code drawn by an <svg> element. It is drawn with whole pixels
 * per module (`pixelsPerModule`), as a sharp photo would be: a fractional scale
 * blurs module edges and zxing then misjudges the code's dimension now and then.
 */
export async function readQr(svg: Locator, pixelsPerModule = 8): Promise<string> {
  const modules = await svg.evaluate((el) => (el as SVGSVGElement).viewBox.baseVal.width);
  const side = Math.max(1, Math.round(modules)) * pixelsPerModule;
  const rgba = await svg.evaluate(async (el, size) => {
    const markup = new XMLSerializer().serializeToString(el);
    const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
    const img = new Image(size, size);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(img, 0, 0, size, size);
    URL.revokeObjectURL(url);
    return Array.from(ctx.getImageData(0, 0, size, size).data);
  }, side);
  const pixels = new Int32Array(side * side);
  for (let i = 0; i < pixels.length; i++)
    pixels[i] = (0xff << 24) | (rgba[i * 4]! << 16) | (rgba[i * 4 + 1]! << 8) | rgba[i * 4 + 2]!;
  const source = new ZXing.RGBLuminanceSource(pixels, side, side);
  const bitmap = new ZXing.BinaryBitmap(new ZXing.HybridBinarizer(source));
  // The picture is the code alone, square to the pixel grid: zxing reads it as a pure barcode
  // (module by module) instead of hunting for a code in a camera's scene.
  const hints = new Map<number, unknown>([[ZXing.DecodeHintType.PURE_BARCODE, true]]);
  return new ZXing.QRCodeReader().decode(bitmap, hints).getText();
}
