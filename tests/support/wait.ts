/** Polls until `check` resolves truthy (usable outside vitest: scripts and benchmarks share helpers). */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  { timeout = 10_000, interval = 25, message = 'condition' } = {},
): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${message}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
