#!/usr/bin/env node
// `npm start`: build the app if the build is missing or older than its sources, then serve it.
import { spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'dist', 'index.html');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), s.mtimeMs);
}

const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json']
  .map((p) => join(root, p))
  .filter(existsSync);
const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
// With WORKERS=n each server process runs this script again: the primary has built already.
if (cluster.isPrimary && builtAt < Math.max(...sources.map(newest))) {
  console.log('Building the app…');
  const r = spawnSync('npx', ['vite', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// The server is TypeScript: tsx compiles it on load, in this same process.
const { register } = await import('tsx/esm/api');
register();
process.chdir(root);
await import(join(root, 'src/server/main.ts'));
