/**
 * Launching Debian's Chromium through playwright-core: a fresh profile per
 * launch, the flags that work on the project's machines, no browser download.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** Reuse a profile (to test a browser restart); a fresh one otherwise. */
  userDataDir?: string;
  viewport?: { width: number; height: number };
  args?: string[];
  locale?: string;
  isMobile?: boolean;
}

export interface Tablet {
  context: BrowserContext;
  page: Page;
  userDataDir: string;
  /** Closes the browser; the profile stays until `dispose`. */
  close: () => Promise<void>;
  dispose: () => Promise<void>;
}

export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with "sudo apt-get install -y chromium" or set CHROMIUM_PATH.`,
    );
}

export async function launch(options: LaunchOptions = {}): Promise<Tablet> {
  requireChromium();
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'setia-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(options.args ?? [])],
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'en-US',
    isMobile: options.isMobile ?? false,
    hasTouch: true,
  });
  // Fail fast: a control that is not there within 10 s is a bug, not a slow machine.
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const close = () => context.close();
  return {
    context,
    page,
    userDataDir,
    close,
    dispose: async () => {
      await close().catch(() => undefined);
      // Chromium may still be flushing its profile as it exits: retry, and if a busy machine
      // keeps a file open longer, leave the temporary folder behind rather than fail the test.
      try {
        // Few, short retries: Node waits retryDelay × attempt, so 10 × 300 ms burned 16 s a test.
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
      } catch (e) {
        console.warn(`Could not remove the test profile ${userDataDir}: ${String(e)}`);
      }
    },
  };
}
