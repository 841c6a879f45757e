#!/usr/bin/env node
// Browser tests drive Debian's Chromium; they never download a browser and never skip silently.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`\nChromium was not found at ${path}: the browser tests cannot run.
Install it with:   sudo apt-get install -y chromium
or point CHROMIUM_PATH at a Chromium or Chrome binary, then run the tests again.\n`);
  process.exit(1);
}
