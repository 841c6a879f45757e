/** Before the browser tests: build the app and serve it on loopback. */
import type { TestProject } from 'vitest/node';
import { requireChromium } from '../../support/chromium';
import { buildApp, serveApp, type Served } from '../../support/serve';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

let served: Served | undefined;

export async function setup(project: TestProject): Promise<void> {
  requireChromium();
  served = await serveApp(buildApp());
  project.provide('baseURL', served.baseURL);
}

export async function teardown(): Promise<void> {
  await served?.close();
}
