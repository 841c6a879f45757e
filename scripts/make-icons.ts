/**
 * Renders the app icons (design/*.svg) to the PNG sizes the manifest lists, with
 * the same headless Chromium the tests use. Run after changing the design:
 *   npx tsx scripts/make-icons.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../tests/support/chromium';
import { ROOT } from '../tests/support/serve';

const outputs = [
  { svg: 'icon-rounded.svg', file: 'icon-192.png', size: 192 },
  { svg: 'icon-rounded.svg', file: 'icon-512.png', size: 512 },
  { svg: 'icon.svg', file: 'icon-maskable-512.png', size: 512 },
  { svg: 'icon.svg', file: 'apple-touch-icon.png', size: 180 },
];

const tablet = await launch({ viewport: { width: 512, height: 512 } });
try {
  for (const { svg, file, size } of outputs) {
    const markup = readFileSync(join(ROOT, 'design', svg), 'utf8');
    await tablet.page.setViewportSize({ width: size, height: size });
    await tablet.page.setContent(
      `<html><body style="margin:0;background:transparent">${markup.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await tablet.page.screenshot({
      path: join(ROOT, 'public', file),
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    console.log(`public/${file}`);
  }
} finally {
  await tablet.dispose();
}
