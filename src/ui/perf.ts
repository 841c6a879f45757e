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
