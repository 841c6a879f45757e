/**
 * Screenshots of the real app for the install UI (public/screenshot-*.png) and
 * the README (docs/counter.png), from a demo shop. Run after UI changes:
 *   npx tsx scripts/make-screenshots.ts
 */
import { join } from 'node:path';
import { launch } from '../tests/support/chromium';
import { buildApp, ROOT, serveApp } from '../tests/support/serve';
import { addStamps, enroll, search, setUpShop } from '../tests/e2e/support/shop';

const served = await serveApp(buildApp());
try {
  for (const shot of [
    {
      file: 'public/screenshot-wide.png',
      copy: 'docs/counter.png',
      viewport: { width: 1280, height: 800 },
      mobile: false,
    },
    { file: 'public/screenshot-narrow.png', viewport: { width: 390, height: 844 }, mobile: true },
  ]) {
    const tablet = await launch({ viewport: shot.viewport, isMobile: shot.mobile });
    const { page } = tablet;
    await setUpShop(page, served.baseURL, { name: 'Kopi Kita', reward: 'Free kopi susu' });
    await enroll(page, { name: 'Siti Rahma', phone: '0812-3456 789' });
    await enroll(page, { name: 'Siti Nurhaliza', phone: '0813 2222 3333' });
    await enroll(page, { name: 'Nguyễn Văn Đức', phone: '0819 4444 5555' });
    await search(page, 'siti');
    await page.getByRole('list', { name: 'Matching members' }).getByRole('button').first().click();
    await addStamps(page, 9);
    await addStamps(page, 4);
    await search(page, 'siti');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, shot.file) });
    if (shot.copy) await page.screenshot({ path: join(ROOT, shot.copy) });
    await tablet.dispose();
    console.log(shot.file);
  }
} finally {
  await served.close();
}
