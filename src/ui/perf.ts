/**
 * User Timing marks on the paths the product promises to keep fast. They cost
 * microseconds, show up in DevTools' performance panel, and `npm run bench`
 * reads them from the page (names: setia:search, setia:stamp, setia:counter-ready).
 */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

/**
 * Runs `work` once the counter is usable (its setia:counter-ready mark), or after
 * `fallbackMs` on screens that never make it (setup, a customer's card).
 */
export function afterCounterReady(work: () => void, fallbackMs = 3000): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    work();
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('setia:counter-ready').length > 0) once();
  });
  observer.observe({ type: 'mark', buffered: true });
  setTimeout(once, fallbackMs);
}
