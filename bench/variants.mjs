// @ts-check
// What the bench compares: one frozen list, chosen by id (`pick`). Each variant is the script file
// served at /t/<id>.js and the tags put before </body> to load it.

/**
 * @typedef {'none' | 'floor' | 'bundle' | 'peer'} Kind
 * @typedef {{
 *   id: string,
 *   label: string,
 *   kind: Kind,
 *   file?: string,
 *   readable?: string,
 *   entry?: string,
 *   pkgs?: readonly string[],
 *   config?: boolean,
 *   spaGlue?: boolean,
 * }} Variant
 * `file`: the bundle as a shop loads it (repo-relative); `readable`: the same code unminified, served in
 * its place for the profiled load; `entry`: bench/entries/<entry>.js, bundled for a peer; `config`: the
 * Yespo config line goes before the tag; `spaGlue`: on the SPA page, `yespo.page()` on `bench:rendered`.
 */

/** Yespo's config line, as a shop writes it: shipped defaults, script id 1 (the stubbed eS URL). */
export const YESPO_CONFIG = `window.yespoConfig = { scriptId: '1' };`;

/** @type {readonly Variant[]} */
export const VARIANTS = Object.freeze(
  /** @type {Variant[]} */ ([
    { id: 'none', label: 'none (no tracker)', kind: 'none' },
    { id: 'floor', label: 'floor (generated: see bench/floor.mjs)', kind: 'floor', config: true },
    {
      id: 'yespo',
      label: 'yespo-autotrack',
      kind: 'bundle',
      file: 'dist/yespo-autotrack.min.js',
      readable: 'dist/yespo-autotrack.js',
      config: true,
      spaGlue: true,
    },
    // The core file (attributes and eS only), with its impressions chunk beside it (/t/core.impressions.js).
    { id: 'core', label: 'yespo-autotrack core file', kind: 'bundle', file: 'dist/yespo-autotrack.core.min.js', config: true, spaGlue: true },
    { id: 'snowplow', label: 'Snowplow + element tracking', kind: 'peer', entry: 'snowplow', pkgs: ['@snowplow/browser-tracker', '@snowplow/browser-plugin-element-tracking'] },
    { id: 'posthog', label: 'PostHog (autocapture)', kind: 'peer', entry: 'posthog', pkgs: ['posthog-js'] },
    { id: 'segment', label: 'Segment analytics-next', kind: 'peer', entry: 'segment', pkgs: ['@segment/analytics-next'] },
  ].map((v) => Object.freeze(v))),
);

/**
 * The variants with these ids, in the list's order.
 * @param {readonly string[]} ids
 * @returns {Variant[]}
 */
export function pick(ids) {
  const unknown = ids.filter((id) => !VARIANTS.some((v) => v.id === id));
  if (unknown.length) throw new Error(`unknown variant: ${unknown.join(', ')}`);
  return VARIANTS.filter((v) => ids.includes(v.id));
}

/** @param {string} id */
export const byId = (id) => pick([id])[0];

/** On the SPA page: `yespo.page()` when the app says it has rendered a route. */
export const SPA_GLUE = `<script>addEventListener('bench:rendered', function () { window.yespo && window.yespo.page && window.yespo.page(); });</script>`;

/**
 * The tags put in place of the page's <!--TRACKER--> marker: an optional config line, then one
 * `<script async src>`, exactly as a shop adds the bundle. `build=readable` asks the server for the
 * readable build under the same URL.
 * @param {Variant} v
 * @param {string} page
 * @param {string} [build]
 */
export function tags(v, page, build) {
  if (v.kind === 'none') return '';
  const src = `/t/${v.id}.js${build ? `?build=${build}` : ''}`;
  const config = v.config ? `<script>${YESPO_CONFIG}</script>` : '';
  const glue = v.spaGlue && page === 'spa' ? SPA_GLUE : '';
  return `${config}${glue}<script async src="${src}"></script>`;
}

/**
 * Whether a script URL (long-animation-frame attribution, trace events) is the variant's own: its
 * file, and for Yespo and the floor the eS loader they insert.
 * @param {Variant} v
 * @returns {(url: string) => boolean}
 */
export function ownsScript(v) {
  // The file itself, and the chunks it loads beside it (/t/<id>.<name>.js).
  const own = new RegExp(`/t/${v.id}(\\.[a-z]+)?\\.js`);
  const loader = v.config === true;
  return (url) => own.test(url) || (loader && url.startsWith('https://cdn.esputnik.com/'));
}
