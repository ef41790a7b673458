import { guard } from '../lib/guard';

/**
 * Requests the page made (its own `fetch` and `XMLHttpRequest`, seen through the Resource Timing
 * buffer once they complete) whose URL passes `test`. Nothing is patched: a PerformanceObserver
 * only reads. Returns a stop; a browser without the observer hears nothing.
 */
export function watchRequests(test: (url: string) => boolean, hit: () => void): () => void {
  if (typeof PerformanceObserver === 'undefined') return () => {};
  const po = new PerformanceObserver(
    guard((list: PerformanceObserverEntryList) => {
      for (const e of list.getEntries()) {
        const t = (e as PerformanceResourceTiming).initiatorType;
        if ((t === 'fetch' || t === 'xmlhttprequest' || t === 'beacon') && test(e.name)) return hit();
      }
    }, __DEBUG__ && 'resource observer'),
  );
  try {
    po.observe({ type: 'resource' });
  } catch {
    return () => {};
  }
  return () => po.disconnect();
}
