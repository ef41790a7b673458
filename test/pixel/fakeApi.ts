import type { PixelApi, PixelEvent } from '../../src/pixel/types';

/**
 * A Web Pixels API in memory, after Shopify's documented Standard API (shopify.dev
 * "web-pixels-api/standard-api": analytics.subscribe, browser.cookie/localStorage answering with
 * promises, init, customerPrivacy.subscribe('visitorConsentCollected')). `storage` and `cookies`
 * stand for the shop's top frame.
 */
export function fakeApi(init: unknown) {
  const subs: Record<string, Array<(e: PixelEvent) => void>> = {};
  const privacySubs: Array<(e: { customerPrivacy?: unknown }) => void> = [];
  const storage = new Map<string, string>();
  const cookies = new Map<string, string>();
  const cookieWrites: string[] = [];
  let pending = 0;
  const later = <T>(v: T) => {
    pending++;
    return new Promise<T>((r) => setTimeout(() => (pending--, r(v)), 1));
  };
  const api: PixelApi = {
    analytics: { subscribe: (name, cb) => (subs[name] = subs[name] || []).push(cb) },
    browser: {
      cookie: {
        get: (name) => later(cookies.get(name) || ''),
        set: (c) => {
          cookieWrites.push(c);
          const [pair] = c.split(';');
          const eq = pair.indexOf('=');
          cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
          return later(c);
        },
      },
      localStorage: {
        getItem: (k) => later(storage.has(k) ? storage.get(k)! : null),
        setItem: (k, v) => later(void storage.set(k, String(v))),
      },
    },
    init,
    customerPrivacy: { subscribe: (_name, cb) => privacySubs.push(cb) },
  };
  return {
    api,
    storage,
    cookies,
    cookieWrites,
    publish: (name: string, event: PixelEvent) => (subs[name] || []).forEach((cb) => cb(event)),
    consent: (customerPrivacy: unknown) => privacySubs.forEach((cb) => cb({ customerPrivacy })),
    /** Resolves once no top-frame call has been in flight for two timer turns. */
    async settle() {
      for (let idle = 0, n = 0; idle < 2 && n < 400; n++) {
        await new Promise((r) => setTimeout(r, 5));
        idle = pending ? 0 : idle + 1;
      }
    },
  };
}
