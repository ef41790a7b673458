// @ts-check
// The command line: `yespo-autotrack audit <url|file…> [--sitemap URL] [--crawl URL] [options]`.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export const USAGE = `Usage: yespo-autotrack audit <url|file…> [options]
       yespo-autotrack audit --sitemap https://shop.example/sitemap.xml [options]
       yespo-autotrack audit --crawl https://shop.example/ [--max-pages N] [options]

Loads each page (an http(s) URL or a local HTML file) in headless Chromium with the
yespo-autotrack debug build and a stand-in for Yespo's eS script, and reports the page type,
the data read and where it came from, the events that would be sent, and problems.

  --json [file.json]  the report as JSON: on stdout (and nothing else) without a file name
  --config JSON       window.yespoConfig for the audit (default {"scriptId":"000000000000000000"});
                      keys the page sets itself win
  --wait ms           extra time after the network is idle, for late content (default 1500)

A whole shop:
  --sitemap URL       audit the pages of a sitemap (sitemap indexes and .xml.gz followed)
  --crawl URL         audit the same-origin pages linked from URL, breadth first
  --max-pages N       at most N pages (default 200)
  --sample N          at most N pages per page kind, e.g. /products/* (default 50; 0: all)
  --concurrency N     pages at once (default 2 for --sitemap/--crawl)
  --page-timeout ms   the most one page may take (default 60000)
  --cart              add to cart on one product page, expect a StatusCart
  --html file.html    write the report as one self-contained HTML file

CI:
  --fail-on LEVEL     error (default), warning or none: the problems that make the exit code 1
  --baseline FILE     a previous --json report: exit 1 only for regressions against it

  -h, --help          this text

Exit codes: 0 no errors (or no regressions), 1 errors (or regressions), 2 usage or set-up problem.`;

const OPTIONS = /** @type {const} */ ({
  json: { type: 'boolean' },
  'json-file': { type: 'string' },
  config: { type: 'string' },
  wait: { type: 'string' },
  sitemap: { type: 'string' },
  crawl: { type: 'string' },
  'max-pages': { type: 'string' },
  sample: { type: 'string' },
  concurrency: { type: 'string' },
  'page-timeout': { type: 'string' },
  cart: { type: 'boolean' },
  html: { type: 'string' },
  'fail-on': { type: 'string' },
  baseline: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
});

/**
 * `--json report.json` (or `--json=report.json`) names a file; a bare `--json` means stdout.
 * @param {string[]} argv
 */
export function splitJson(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--json=')) out.push('--json-file', a.slice(7));
    else if (a === '--json' && /\.json$/i.test(argv[i + 1] || '')) out.push('--json-file', argv[++i]);
    else out.push(a);
  }
  return out;
}

/**
 * @param {string | undefined} value
 * @param {string} name
 * @param {number} def
 * @param {number} min
 * @param {number} max
 */
function number(value, name, def, min, max) {
  if (value === undefined) return def;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/**
 * @param {string | undefined} value
 * @param {string} name
 */
function siteUrl(value, name) {
  if (value === undefined) return undefined;
  if (!/^https?:\/\//i.test(value)) throw new UsageError(`--${name} needs an http(s) URL`);
  try {
    return new URL(value).href;
  } catch {
    throw new UsageError(`--${name}: not a valid URL: ${value}`);
  }
}

/**
 * An http(s) URL as it is; anything else must be a readable file.
 * @param {string} arg
 * @returns {{ input: string, url?: string, file?: string }}
 */
export function target(arg) {
  if (/^https?:\/\//i.test(arg)) {
    try {
      return { input: arg, url: new URL(arg).href };
    } catch {
      throw new UsageError(`not a valid URL: ${arg}`);
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(arg) && !/^[a-z]:[\\/]/i.test(arg)) throw new UsageError(`only http(s) URLs and local files can be audited: ${arg}`);
  const file = resolve(arg);
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new UsageError(`no such file: ${arg}`);
  }
  if (!st.isFile()) throw new UsageError(`not a file: ${arg}`);
  return { input: arg, file };
}

/**
 * The audit's window.yespoConfig: a scriptId, and whatever --config adds.
 * @param {string | undefined} value
 * @returns {Record<string, unknown>}
 */
function auditConfig(value) {
  const base = { scriptId: '000000000000000000' };
  if (value === undefined) return base;
  let config;
  try {
    config = JSON.parse(value);
  } catch (e) {
    throw new UsageError(`--config is not JSON: ${/** @type {Error} */ (e).message}`);
  }
  if (!config || typeof config !== 'object' || Array.isArray(config)) throw new UsageError('--config must be a JSON object');
  return { ...base, ...config };
}

/** @param {string[]} argv */
function parsed(argv) {
  try {
    return parseArgs({ args: splitJson(argv), allowPositionals: true, options: OPTIONS });
  } catch (e) {
    throw new UsageError(/** @type {Error} */ (e).message);
  }
}

/** @typedef {Exclude<ReturnType<typeof parseCli>, { help: true }>} Options */

/** @param {string[]} argv */
export function parseCli(argv) {
  const { values: v, positionals } = parsed(argv);
  if (v.help) return /** @type {const} */ ({ help: true });
  const [command, ...args] = positionals;
  if (command !== 'audit') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  const sitemap = siteUrl(v.sitemap, 'sitemap');
  const crawl = siteUrl(v.crawl, 'crawl');
  if (!args.length && !sitemap && !crawl) throw new UsageError('give at least one URL or HTML file, or --sitemap / --crawl');
  const config = auditConfig(v.config);
  if (v.wait !== undefined && (!/^\d+$/.test(v.wait) || Number(v.wait) > 120_000)) throw new UsageError('--wait must be a number of milliseconds (0–120000)');
  const failOn = v['fail-on'] || 'error';
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'none') throw new UsageError('--fail-on must be error, warning or none');
  const site = !!(sitemap || crawl);
  return {
    help: /** @type {const} */ (false),
    targets: args.map(target),
    sitemap,
    crawl,
    config,
    wait: v.wait === undefined ? 1500 : Number(v.wait),
    json: !!v.json,
    jsonFile: v['json-file'],
    html: v.html,
    cart: !!v.cart,
    baseline: v.baseline,
    failOn: /** @type {import('./baseline.mjs').FailOn} */ (failOn),
    maxPages: number(v['max-pages'], 'max-pages', 200, 1, 100_000),
    sample: number(v.sample, 'sample', 50, 0, 100_000),
    concurrency: number(v.concurrency, 'concurrency', site ? 2 : Math.min(6, Math.max(2, availableParallelism() * 2)), 1, 16),
    pageTimeout: number(v['page-timeout'], 'page-timeout', 60_000, 1000, 600_000),
  };
}
