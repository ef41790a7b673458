/** The page types a page can be, in the order the README lists them. */
export const PAGE_TYPES = ['product', 'category', 'cart', 'checkout', 'purchase', 'main', '404', 'search', 'other'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export const isPageType = (v: unknown): v is PageType =>
  typeof v === 'string' && (PAGE_TYPES as readonly string[]).indexOf(v) >= 0;
