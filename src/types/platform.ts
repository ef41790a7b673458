import type { CartItem } from '../schema/events';
import type { Evidence, SourceOptions } from './evidence';
import type { Identity } from './identity';

export type Found = Omit<Evidence, 'source'>;

/** What an adapter reads from. Platform globals are loose JSON from another script: read with `&&` chains, never trusted. */
export interface PlatformContext {
  doc: Document;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  win: any;
  url: URL;
  /** The body's classes. */
  cls: string[];
  o: SourceOptions;
}

/** Options a cart reader needs: the key order and the fallback currency. */
export type CartOptions = Pick<SourceOptions, 'productKey' | 'currency'>;

/**
 * Where a platform keeps the visitor's cart, and how the tracker learns that it may have changed.
 * Read-only: the tracker fetches `url` itself or reads `inPage`; it never patches the page.
 */
export interface CartSource {
  /**
   * A same-origin path answering the cart as JSON; absent when the cart is in the page. Takes the
   * context because the path depends on the page (Shopify Markets' locale root, WordPress's REST root).
   */
  url?(c: PlatformContext): string;
  /** The cart as the page holds it (a global, storage); absent when it must be fetched. */
  inPage?(c: PlatformContext): unknown;
  /** The platform's cart JSON → cart lines (pure; undefined when the data is not a cart). */
  parse(data: unknown, o: CartOptions): CartItem[] | undefined;
  /** Requests (fetch / XHR resource names) after which the cart may have changed. */
  signal?: RegExp;
  /** Page events (on `window` or `document.body`) that mean the cart changed; with `emitter`, the names heard on it instead. */
  events?: string[];
  /** The platform's own event emitter when it is not a DOM target (PrestaShop's `prestashop.on`). */
  emitter?(c: PlatformContext): { on(name: string, fn: (e: unknown) => void): unknown } | undefined;
  /** The cart an emitted event carries, in the form `parse` reads; undefined: read the cart again. */
  fromEvent?(e: unknown, c: PlatformContext): unknown;
}

/** One shop platform: a new platform is one file exporting one of these, and one line in the list. */
export interface Platform {
  name: string;
  /** Cheap: a global or a body class. */
  detect(c: PlatformContext): boolean;
  /** Page facts: type, product, category, order number. */
  page(c: PlatformContext): Found | undefined;
  cart?: CartSource;
  /** The signed-in (or checkout) customer, where the platform exposes one. */
  customer?(c: PlatformContext, cart?: unknown): Identity | undefined;
}

/** The names the `platforms` option takes: every adapter in sources/platforms/index.ts. */
export const PLATFORM_NAMES = ['shopify', 'woocommerce', 'magento', 'prestashop', 'bigcommerce', 'shopware', 'opencart'] as const;
