/**
 * Before the browser tests: build the app exactly as `npm start` serves it,
 * then serve it (and the API) on a free port of loopback.
 */
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { TestProject } from 'vitest/node';
import { createServerApp } from '../../../src/server/app';
import { requireChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

let server: ServerType | undefined;

export async function setup(project: TestProject): Promise<void> {
  requireChromium();
  const root = resolve(import.meta.dirname, '../../..');
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const app = createServerApp({ distDir: resolve(root, 'dist') });
  const port = await new Promise<number>((done) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      done(info.port),
    );
  });
  project.provide('baseURL', `http://127.0.0.1:${port}`);
}

export async function teardown(): Promise<void> {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
}
