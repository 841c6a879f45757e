/** What a benchmark suite is: run.ts lists the suites and calls them (apart, so suites do not import run.ts back). */
import type { SuiteResult } from './report';

export interface BenchContext {
  baseURL: string;
  distDir: string;
}

export interface Suite {
  title: string;
  method: string;
  run: (ctx: BenchContext) => Promise<SuiteResult['rows']>;
}
