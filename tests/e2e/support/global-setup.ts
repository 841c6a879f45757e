/** Before the browser tests: build the app and serve it on loopback. */
import type { TestProject } from 'vitest/node';
import { requireChromium } from '../../support/chromium';
import { buildApp, serveApp, type Served } from '../../support/serve';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** 'PostgreSQL' or 'SQLite': which database the browser tests' server stores in. */
    serverDatabase: string;
  }
}

let served: Served | undefined;

export async function setup(project: TestProject): Promise<void> {
  requireChromium();
  served = await serveApp(buildApp());
  const database = served.database.databaseUrl ? 'PostgreSQL' : 'SQLite';
  if (database === 'SQLite')
    console.warn(
      "\n⚠️  TEST_DATABASE_URL is not set: the browser tests' server stores in SQLite, NOT PostgreSQL.\n",
    );
  project.provide('baseURL', served.baseURL);
  project.provide('serverDatabase', database);
}

export async function teardown(): Promise<void> {
  await served?.close();
}
