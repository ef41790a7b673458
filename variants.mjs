// The one list of builds: build.mjs builds it, test/size.mjs holds each shop file to its budget
// (gzip -9 bytes), and the vitest config takes its flags from `TEST_FLAGS`.

/** Feature flags, set with esbuild `define`: a variant carries no dead code. */
const FULL = { DEBUG: false, ZERO: true, REST: true, CHUNKS: false };
/** The shop bundle and the core file: what a page does not need comes in chunks beside them. */
const SHOP = { ...FULL, CHUNKS: true };
const CORE = { ...SHOP, ZERO: false, REST: false };

/**
 * id, entry, output, flags, whether minified (and internal `_` fields renamed), and the gzip budget
 * of the files shops download. `eager`: nearly all of the file's functions run when it loads, so it
 * asks Chromium to compile them all while it streams in (build.mjs, COMPILE_HINT); not the platform
 * chunk, where one adapter of seven runs. `chunk`: the id of the file (the shop bundle or the core) that loads it, beside it, where a page needs it.
 * `tight`: bytes come first (the core file, the pixel): terser may put a function called once into its
 * caller (build.mjs). Elsewhere each function stays one of its own, which V8 compiles once: inlined
 * into one large function, the code every SPA route runs was compiled again and again.
 */
export const VARIANTS = Object.freeze([
  { id: 'full', entry: 'src/auto.ts', out: 'dist/yespo-autotrack.min.js', flags: SHOP, min: true, eager: true, budget: 16384 },
  { id: 'structured', entry: 'src/chunks/structured.entry.ts', out: 'dist/yespo-autotrack.structured.js', flags: SHOP, min: true, eager: true, chunk: 'full', budget: 5120 },
  { id: 'impressions', entry: 'src/chunks/impressions.entry.ts', out: 'dist/yespo-autotrack.impressions.js', flags: SHOP, min: true, eager: true, chunk: 'full', budget: 3072 },
  { id: 'datalayer', entry: 'src/chunks/datalayer.entry.ts', out: 'dist/yespo-autotrack.datalayer.js', flags: SHOP, min: true, eager: true, chunk: 'full', budget: 3072 },
  { id: 'platforms', entry: 'src/chunks/platforms.entry.ts', out: 'dist/yespo-autotrack.platforms.js', flags: SHOP, min: true, chunk: 'full', budget: 6144 },
  // How a config problem is worded: loaded only when `yespoConfig` has one.
  { id: 'config', entry: 'src/chunks/config.entry.ts', out: 'dist/yespo-autotrack.config.js', flags: SHOP, min: true, chunk: 'full', budget: 1536 },
  // For pages marked up with data-yespo-* and eS.JS: no structured-data readers, no platforms, no REST;
  // its impressions engine (core.impressions), its cart and order events (core.cart), who the visitor is (core.visitor)
  // and its SPA page views (core.routes) are chunks of their own beside it,
  // loaded where a page has recommendation items, a cart or an order, names its visitor, or changes route.
  { id: 'core', entry: 'src/auto.ts', out: 'dist/yespo-autotrack.core.min.js', flags: CORE, min: true, eager: true, tight: true, budget: 8192 },
  { id: 'core.impressions', entry: 'src/chunks/impressions.entry.ts', out: 'dist/yespo-autotrack.core.impressions.js', flags: CORE, min: true, eager: true, chunk: 'core', budget: 3072 },
  // StatusCart and PurchasedItems: loaded where a page has a cart or an order, or calls setCart.
  { id: 'core.cart', entry: 'src/chunks/cart.entry.ts', out: 'dist/yespo-autotrack.core.cart.js', flags: CORE, min: true, eager: true, chunk: 'core', budget: 2560 },
  // Identities, customer forms and wishlist buttons: loaded where a page has any of them, or a visitor reaches for one.
  { id: 'core.visitor', entry: 'src/chunks/visitor.entry.ts', out: 'dist/yespo-autotrack.core.visitor.js', flags: CORE, min: true, chunk: 'core', budget: 2048 },
  // SPA page views: loaded at the first route change or yespo.page().
  { id: 'core.routes', entry: 'src/chunks/routes.entry.ts', out: 'dist/yespo-autotrack.core.routes.js', flags: CORE, min: true, chunk: 'core', budget: 1024 },
  { id: 'core.config', entry: 'src/chunks/config.entry.ts', out: 'dist/yespo-autotrack.core.config.js', flags: CORE, min: true, chunk: 'core', budget: 1536 },
  // Everything in one readable file (profiles, reading).
  { id: 'readable', entry: 'src/auto.ts', out: 'dist/yespo-autotrack.js', flags: FULL, min: false },
  // Every problem named in the console, each payload checked against the zod schemas: what the shop
  // bundle and the core file load in their place in debug mode (yespo-autotrack[.core].debug.js).
  { id: 'debug', entry: 'src/auto.ts', out: 'dist/yespo-autotrack.debug.js', flags: { ...FULL, DEBUG: true }, min: 'no-mangle' },
  { id: 'core.debug', entry: 'src/auto.ts', out: 'dist/yespo-autotrack.core.debug.js', flags: { ...CORE, CHUNKS: false, DEBUG: true }, min: 'no-mangle' },
  // The Shopify custom pixel: pasted into Settings → Customer events, REST only, no zod.
  { id: 'pixel', entry: 'src/pixel/index.ts', out: 'dist/yespo-autotrack.shopify-pixel.js', flags: FULL, min: true, tight: true, budget: 6144 },
]);

/**
 * Fields and methods of the tracker's own objects that the minified files rename like `_` fields
 * (build.mjs): each is never a page's, a browser's, a payload's, a config's or the API's name, and
 * never read through a string. test/internalProps.test.ts and e2e/internal-props.spec.ts hold that.
 */
export const INTERNAL_PROPS = Object.freeze([
  'reader', 'hold', 'unsettled', 'sessionStore', 'reading', 'route', 'begin', 'settle', 'seen', 'problem', 'typeFrom',
  'newView', 'searchPage', 'evidence', 'grant', 'deny', 'sweep', 'prepare', 'followGoogle',
  'customerForm', 'addToCart', 'followRoutes', 'readWishlist', 'readCustomerForm', 'createImpressions', 'readRecAddToCart', 'configMessage',
  'readCart', 'readOrder', 'cartEvents', 'setCartEvents', 'cartChanged', 'cartPage', 'lastCart', 'ownCart',
  'setPlatforms', 'setPlatformCart', 'platformCart', 'setDataLayer', 'followCarts', 'readDetected', 'readDataLayerEntry',
  'createRest', 'inflight', 'schedule', 'healthy', 'owning',
]);

/** The names build.mjs renames in the minified files: `_` fields and INTERNAL_PROPS. */
export const MANGLED = new RegExp('^(_.*|' + INTERNAL_PROPS.join('|') + ')$');

/** The flags unit tests run with: the debug build's, everything in one bundle. */
export const TEST_FLAGS = { ...FULL, DEBUG: true };

/** esbuild / vitest `define` for a variant's flags. */
export const define = (flags, version) => ({
  __VERSION__: JSON.stringify(version),
  ...Object.fromEntries(Object.entries(flags).map(([k, v]) => [`__${k}__`, String(v)])),
});
