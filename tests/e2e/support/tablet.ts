/** One browser per test, closed and its profile removed after the test. */
import { afterEach } from 'vitest';
import { launch, type LaunchOptions, type Tablet } from '../../support/chromium';

export function tabletPerTest(): (options?: LaunchOptions) => Promise<Tablet> {
  const open: Tablet[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.dispose()));
  });
  return async (options) => {
    const tablet = await launch(options);
    open.push(tablet);
    return tablet;
  };
}
