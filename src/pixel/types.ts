/**
 * The part of Shopify's Web Pixels API the pixel uses, as shopify.dev "web-pixels-api" documents
 * it (Standard API: analytics, browser, init, customerPrivacy). Everything Shopify hands over is
 * read as untrusted JSON; these types only name what is asked for.
 */
export interface PixelEvent {
  name?: unknown;
  data?: unknown;
}

export interface PixelAnalytics {
  subscribe(name: string, cb: (event: PixelEvent) => void): unknown;
}

/** `browser.*` runs in the shop's top frame and answers asynchronously. */
export interface PixelBrowser {
  cookie: { get(name: string): Promise<unknown>; set(cookie: string): Promise<unknown> };
  localStorage: { getItem(key: string): Promise<unknown>; setItem(key: string, value: string): Promise<unknown> };
}

export interface PixelPrivacy {
  subscribe(name: 'visitorConsentCollected', cb: (event: { customerPrivacy?: unknown }) => void): unknown;
}

/** What the pixel found in its sandbox; `init` and its parts are untrusted. */
export interface PixelApi {
  analytics: PixelAnalytics;
  browser: PixelBrowser;
  init: unknown;
  customerPrivacy?: PixelPrivacy;
}

/** The pasted `yespoConfig`, checked. */
export interface PixelConfig {
  siteId: string;
  restUrl: string;
  productKey: string[];
  debug: boolean;
}
