#!/usr/bin/env node
// `yespo-autotrack audit <url|file…>`: loads each page in headless Chromium with the debug build of
// the tracker and a recorder in place of Yespo's eS script, then says what the page is, what was
// read from where, which events would be sent, and what is wrong. Nothing leaves the machine but
// requests to the page's own origin.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, chromiumPath, ES_RECORDER } from './chromium.mjs';

const PKG_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEBUG_BUILD = join(PKG_DIR, 'dist', 'yespo-autotrack.debug.js');
const SCHEMA = join(PKG_DIR, 'dist', 'schema.js');

const DEFAULT_CONFIG = { scriptId: '000000000000000000' };
const NAV_TIMEOUT = 30_000;
/** Most time spent scrolling one page so recommendation items count as seen. */
const SCROLL_BUDGET = 10_000;
/** Pages audited at once: most of a page's time is spent waiting, not computing. */
const CONCURRENCY = Math.min(6, Math.max(2, availableParallelism() * 2));

const USAGE = `Usage: yespo-autotrack audit <url|file…> [--json] [--config '{"scriptId":"…"}'] [--wait ms]

Loads each page (an http(s) URL or a local HTML file) in headless Chromium with the
yespo-autotrack debug build and a stand-in for Yespo's eS script, and reports the page type,
the data read and where it came from, the events that would be sent, and problems.

  --json         print one JSON document { pages: [...] } on stdout and nothing else
  --config JSON  window.yespoConfig for the audit (default {"scriptId":"000000000000000000"});
                 keys the page sets itself win
  --wait ms      extra time after the network is idle, for late content (default 1500)
  -h, --help     this text

Exit codes: 0 no errors, 1 a page has errors, 2 usage or set-up problem.`;

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------
// Arguments

function parseCli(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        config: { type: 'string' },
        wait: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(e.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [command, ...targets] = positionals;
  if (command !== 'audit') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  if (!targets.length) throw new UsageError('give at least one URL or HTML file');

  let config = DEFAULT_CONFIG;
  if (values.config !== undefined) {
    try {
      config = JSON.parse(values.config);
    } catch (e) {
      throw new UsageError(`--config is not JSON: ${e.message}`);
    }
    if (!config || typeof config !== 'object' || Array.isArray(config)) throw new UsageError('--config must be a JSON object');
    config = { ...DEFAULT_CONFIG, ...config };
  }
  let wait = 1500;
  if (values.wait !== undefined) {
    wait = Number(values.wait);
    if (!/^\d+$/.test(values.wait) || wait > 120_000) throw new UsageError('--wait must be a number of milliseconds (0–120000)');
  }
  return { json: !!values.json, config, wait, targets: targets.map(target) };
}

/** An http(s) URL as it is; anything else must be a readable file. */
function target(arg) {
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

// ---------------------------------------------------------------------------------------------
// Set-up: Playwright, Chromium, the debug build, the event schemas

async function loadChromium() {
  const names = ['@playwright/test', 'playwright', 'playwright-core'];
  const pick = (m) => m && (m.chromium || (m.default && m.default.chromium));
  for (const name of names) {
    try {
      const c = pick(await import(name));
      if (c) return c;
    } catch {
      /* not beside this package: try the project that runs the command */
    }
  }
  const req = createRequire(join(process.cwd(), 'package.json'));
  for (const name of names) {
    try {
      const c = pick(await import(pathToFileURL(req.resolve(name)).href));
      if (c) return c;
    } catch {
      /* not installed there either */
    }
  }
  return undefined;
}


// ---------------------------------------------------------------------------------------------
// Local files: served from their directory on 127.0.0.1 so relative and root-relative assets load

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function serveDir(root) {
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      path = '/';
    }
    const file = resolve(root, '.' + path);
    const inside = file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
    try {
      if (!inside) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file).toLowerCase()] || 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok({ origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(() => r())) }));
  });
}

// ---------------------------------------------------------------------------------------------
// One page

/**
 * Runs in the page before its own scripts: the audit's config sits under whatever the page sets
 * (assigning `window.yespoConfig` fills in only the keys the page leaves out), and every event the
 * tracker sends is kept from its `yespo:event`.
 */
function beforePage(base) {
  const mark = (window.__auditCfg = { own: false, keys: [] });
  const fill = (v) => {
    if (v && typeof v === 'object') {
      mark.own = true;
      mark.keys = Object.keys(v);
      try {
        for (const k of Object.keys(base)) if (!(k in v)) v[k] = base[k];
      } catch {
        /* a frozen object: the page's config as it is */
      }
    }
    return v;
  };
  let cur = window.yespoConfig ? fill(window.yespoConfig) : JSON.parse(JSON.stringify(base));
  try {
    Object.defineProperty(window, 'yespoConfig', { configurable: true, enumerable: true, get: () => cur, set: (v) => (cur = fill(v)) });
  } catch {
    window.yespoConfig = cur;
  }
  window.__auditEvents = [];
  window.addEventListener('yespo:event', (e) => {
    try {
      window.__auditEvents.push(JSON.parse(JSON.stringify(e.detail)));
    } catch {
      /* an event that cannot be copied is still in the recorded calls */
    }
  });
}

/** Reads what the tracker found and what was sent, as plain JSON (page elements left out). */
function collect() {
  const plain = (v) => {
    try {
      return JSON.parse(JSON.stringify(v, (k, x) => (typeof Node !== 'undefined' && x instanceof Node ? undefined : x)));
    } catch {
      return undefined;
    }
  };
  const unwrap = (e) => {
    const a = Array.from(e || []);
    return a.length === 1 && Object.prototype.toString.call(a[0]) === '[object Arguments]' ? Array.from(a[0]) : a;
  };
  const y = window.yespo;
  let inspection;
  try {
    inspection = y && !Array.isArray(y) && typeof y.inspect === 'function' ? y.inspect() : undefined;
  } catch {
    inspection = undefined;
  }
  const rec = window.__esCalls;
  // The recorder (or the page's own stand-in) holds the calls; when no eS script loaded they wait in the loader's queue.
  const calls = Array.isArray(rec)
    ? rec.filter((c) => c && !c.auto).map((c) => c.args)
    : window.eS && Array.isArray(window.eS.q)
      ? window.eS.q.map(unwrap)
      : [];
  // Each part on its own: a page config that cannot be copied must not hide the events.
  return {
    running: !!(y && !Array.isArray(y) && typeof y.track === 'function'),
    version: String((y && y.version) || window.yespoAutotrack || ''),
    inspection: plain(inspection),
    calls: plain(calls) || [],
    sent: plain(window.__auditEvents) || [],
    cfg: plain(window.__auditCfg),
    config: plain(window.yespoConfig),
    scriptIdAttr: !!document.querySelector('script[data-yespo-script-id],script[data-yespo-site-id]'),
  };
}

/** Scrolls down the page (late content), then stops at each recommendation block long enough for its items to count as seen. */
async function scrollThrough(page, blockSelector, dwell) {
  const start = Date.now();
  const left = () => SCROLL_BUDGET - (Date.now() - start);
  const { height, vh } = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, vh: window.innerHeight }));
  for (let y = 0, n = 0; y < height && n < 25 && left() > 6000; y += Math.max(200, vh * 0.8), n++) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await page.waitForTimeout(80);
  }
  // Where each block starts, in document coordinates; blocks in one screenful share one stop.
  const tops = await page
    .evaluate((sel) => {
      try {
        return Array.from(document.querySelectorAll(sel)).map((el) => el.getBoundingClientRect().top + window.scrollY);
      } catch {
        return [];
      }
    }, blockSelector)
    .catch(() => []);
  let stops = 0;
  let shown = -Infinity;
  for (const top of tops.sort((a, b) => a - b)) {
    if (left() < dwell) break;
    if (top >= shown && top < shown + vh * 0.6) continue;
    const y = Math.max(0, top - vh * 0.2);
    await page.evaluate((to) => window.scrollTo(0, to), y);
    shown = await page.evaluate(() => window.scrollY);
    await page.waitForTimeout(dwell);
    stops++;
  }
  await page.evaluate(() => window.scrollTo(0, 0)).catch(() => {});
  return stops;
}

/** Is this request an event on its way to a tracker API (REST transport, or a shop's own proxy)? */
function eventBody(req) {
  if (req.method() !== 'POST') return undefined;
  let body;
  try {
    body = JSON.parse(req.postData() || '');
  } catch {
    return undefined;
  }
  const list = Array.isArray(body) ? body : [body];
  return list.length && list.every((b) => b && typeof b === 'object' && b.GeneralInfo && typeof b.GeneralInfo.eventName === 'string') ? list : undefined;
}

async function auditPage(browser, t, opts, assets) {
  const out = { input: t.input, url: t.url, status: null, bundle: null, version: null, type: null, typeFrom: null, facts: {}, events: [], problems: [], blocked: 0 };
  const problems = [];
  const add = (level, message) => problems.push({ level, message });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const allowed = new Set([new URL(t.url).origin]);
    const restBodies = [];
    const pageErrors = [];
    const logged = [];
    const scripts = new Set();

    await page.route('**/*', async (route) => {
      const req = route.request();
      let u;
      try {
        u = new URL(req.url());
      } catch {
        return route.abort('blockedbyclient');
      }
      if (u.hostname === 'cdn.esputnik.com' && /^\/scripts\/[^/]+\.js$/.test(u.pathname))
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: ES_RECORDER });
      const events = eventBody(req);
      if (events) {
        restBodies.push(...events);
        return route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
      }
      if (/(^|\.)(yespo\.io|esputnik\.com)$/.test(u.hostname)) {
        out.blocked++;
        return route.abort('blockedbyclient');
      }
      const own = allowed.has(u.origin);
      const bundle = /yespo-autotrack[^/]*\.js$/i.test(u.pathname);
      const file = u.origin + u.pathname;
      if (req.resourceType() === 'script') scripts.add(file);
      // The shop bundle in debug mode loads its `.debug.js` sibling (a script loaded before, `.min.js` → `.debug.js`):
      // the site's own when it has one, else ours.
      const stem = /\.debug\.js$/i.test(file) && file.replace(/\.debug\.js$/i, '');
      if (stem && (scripts.has(stem + '.min.js') || scripts.has(stem + '.js'))) {
        const res = await route.fetch().catch(() => undefined);
        if (res && res.ok()) return route.fulfill({ response: res });
        out.bundle = 'page-debug';
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: assets.debugJs });
      }
      // The tracker's own file may come from a CDN: it is what is being audited, and it sends nothing itself.
      if (own || (bundle && req.resourceType() === 'script')) return route.continue();
      // A redirect of the page itself (http → https, bare domain → www) moves its origin.
      if (req.isNavigationRequest() && req.frame() === page.mainFrame() && /^https?:$/.test(u.protocol)) {
        allowed.add(u.origin);
        return route.continue();
      }
      out.blocked++;
      return route.abort('blockedbyclient');
    });
    page.on('pageerror', (e) => pageErrors.push(String((e && e.message) || e)));
    page.on('console', (m) => {
      const type = m.type();
      if ((type === 'error' || type === 'warning') && /^\[yespo\]/.test(m.text())) logged.push({ type, text: m.text().replace(/^\[yespo\]\s*/, '') });
    });
    // Debug mode makes a shop bundle already on the page load its debug build, which can be inspected.
    await page.addInitScript(beforePage, { debug: true, ...opts.config });

    let res;
    try {
      res = await page.goto(t.url, { waitUntil: 'load', timeout: NAV_TIMEOUT });
    } catch (e) {
      add('error', `the page could not be loaded: ${String(e.message || e).split('\n')[0]}`);
      return finish(out, problems);
    }
    out.url = page.url();
    out.status = res ? res.status() : null;
    if (out.status && out.status >= 400 && out.status !== 404) add('error', `the page answered HTTP ${out.status}`);
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});

    // A bundle tag still on its way (async, or added by a tag manager) gets a moment to start.
    await page
      .waitForFunction(() => window.yespoAutotrack || !Array.from(document.scripts).some((s) => /yespo-autotrack/i.test(s.src)), undefined, { timeout: 3000 })
      .catch(() => {});
    const before = await page.evaluate(() => ({
      active: window.yespoAutotrack || '',
      tags: Array.from(document.scripts)
        .map((s) => s.src)
        .filter((s) => /yespo-autotrack/i.test(s)),
    }));
    if (before.active) out.bundle = out.bundle || 'page';
    else {
      if (before.tags.length) add('warning', `the page includes ${before.tags[0]} but it did not start; the audit injected its own copy`);
      out.bundle = 'injected';
      await page.addScriptTag({ content: assets.debugJs });
    }
    // The eS script (the recorder) has loaded, or the tracker's requests (REST) are done.
    await Promise.race([
      page.waitForFunction(() => window.__esLoads, undefined, { timeout: 3000 }),
      page.waitForLoadState('networkidle', { timeout: 3000 }),
    ]).catch(() => {});

    // The tracker starts observing recommendation items in an idle moment after start-up: wait for it.
    await page
      .waitForFunction(
        () => {
          const y = window.yespo;
          const blocks = document.querySelector((window.yespoConfig && window.yespoConfig.impressions && window.yespoConfig.impressions.blockSelector) || '[data-yespo-recs]');
          return !blocks || !y || typeof y.stats !== 'function' || y.stats().observed > 0;
        },
        undefined,
        { timeout: 2000 },
      )
      .catch(() => {});
    const imp = await page.evaluate(() => {
      const c = window.yespoConfig;
      const o = (c && typeof c === 'object' && c.impressions) || {};
      const ms = (v, d) => (typeof v === 'number' && v >= 0 ? Math.min(v, 5000) : d);
      const y = window.yespo;
      let observed = 1;
      try {
        observed = y && typeof y.stats === 'function' ? y.stats().observed : 1;
      } catch {
        /* no stats: scroll anyway */
      }
      return { blockSelector: typeof o.blockSelector === 'string' ? o.blockSelector : '[data-yespo-recs]', minVisibleMs: ms(o.minVisibleMs, 1000), flushMs: ms(o.flushMs, 1000), observed };
    });
    // An item counts as seen after `minVisibleMs` in view; its batch goes out `flushMs` later.
    const dwell = imp.minVisibleMs + 250;
    const stops = imp.observed ? await scrollThrough(page, imp.blockSelector, dwell).catch(() => 0) : 0;
    await page.waitForTimeout(stops ? Math.max(opts.wait, imp.flushMs + 300) : opts.wait);

    // A page that waits for consent: the audit plays the visitor who accepts, so the held events show.
    const granted = await page.evaluate(() => {
      const c = window.yespoConfig;
      const y = window.yespo;
      if (!c || !y || typeof y.consent !== 'function') return false;
      // Google Consent Mode denies analytics_storage (a cookie banner's default): accept through it, as the banner would.
      const insp = typeof y.inspect === 'function' ? y.inspect() : undefined;
      if (insp && insp.google === 'denied') {
        (function () {
          // eslint-disable-next-line prefer-rest-params
          window[typeof c.dataLayer === 'string' ? c.dataLayer : 'dataLayer'].push(arguments);
        })('consent', 'update', { analytics_storage: 'granted' });
        return 'google';
      }
      if (c.consent !== 'pending' || (insp && insp.consent === 'granted')) return false;
      y.consent('granted');
      return 'config';
    });
    if (granted) {
      await page.waitForFunction(() => window.__esLoads, undefined, { timeout: 3000 }).catch(() => {});
      await page.waitForTimeout(300);
    }
    const got = await page.evaluate(collect);
    got.granted = granted;
    out.version = got.version || null;
    check(out, got, { restBodies, pageErrors, logged, assets, add });
    return finish(out, problems);
  } catch (e) {
    add('error', `the audit failed on this page: ${String((e && e.message) || e).split('\n')[0]}`);
    return finish(out, problems);
  } finally {
    await context.close().catch(() => {});
  }
}

function finish(out, problems) {
  const seen = new Set();
  out.problems = problems
    .filter((p) => !seen.has(p.level + p.message) && seen.add(p.level + p.message))
    .sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Checks

/** Lines of the debug build that mean something is not sent (or sent wrong); every other line is a warning. */
const ERROR_LINES = [
  /cannot be read/,
  /without a (product|category) key/,
  /search page without a query/,
  /recommendation block without a container type/,
  /recommendation item without a product id/,
  /is not a valid selector/,
  /no order number/,
  /no data-yespo-order-item lines/,
  /unknown page type/,
];

const PAGE_EVENTS = ['ProductPage', 'CategoryPage', 'MainPage', 'NotFound', 'SearchRequest', 'StatusCartPage', 'PurchasedItems'];

/** Why a product key does not look like an id from a product feed (Yespo matches it to the feed's g:id). */
function keyTrouble(key) {
  const why = [];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(key) || /^www\./i.test(key)) why.push('it is a URL');
  else if (/^\/[^\s]*\//.test(key)) why.push('it is a URL path');
  else if (/\s/.test(key)) {
    const words = key.trim().split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
    why.push(words.length >= 2 ? 'it looks like a product title' : 'it contains spaces');
  } else if (/["“”‘’«»&(),!?]/.test(key) && /\p{L}{3,}/u.test(key)) why.push('it looks like a product title');
  if (key.length > 64) why.push(`it is ${key.length} characters long`);
  return why;
}

/** Every product key in a value: `productKey` and `product_id` fields at any depth. */
function productKeys(v, into = new Set()) {
  if (Array.isArray(v)) v.forEach((x) => productKeys(x, into));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'productKey' || k === 'product_id') && typeof x === 'string') into.add(x);
      else productKeys(x, into);
    }
  return into;
}

const short = (v, n = 160) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s && s.length > n ? s.slice(0, n - 1) + '…' : s;
};

function check(out, got, { restBodies, pageErrors, logged, assets, add }) {
  const insp = got.inspection;
  const model = insp && insp.page;
  if (model) {
    out.type = model.type;
    out.typeFrom = model.typeFrom;
    for (const k of ['product', 'category', 'search', 'cart', 'order', 'customer'])
      if (model[k] !== undefined && model.from && model.from[k]) out.facts[k] = { value: model[k], from: model.from[k] };
  }

  // What was sent: the eS calls as recorded, and the bodies posted to a tracker API.
  const sendCalls = got.calls.filter((c) => c[0] === 'sendEvent');
  out.events = sendCalls.map((c) => (c.length > 2 ? { name: c[1], payload: c[2] } : { name: c[1] }));
  for (const b of restBodies) out.events.push({ name: b.GeneralInfo.eventName, via: 'rest', body: b });
  if (!got.calls.length && !restBodies.length && got.sent.length)
    for (const e of got.sent) out.events.push(e.body ? { name: e.name, via: 'rest', body: e.body } : { name: e.name, payload: e.payload });

  for (const c of got.calls) {
    const bad = assets.checkEsCall(c);
    if (bad.length) add('error', `eS(${c.slice(0, 2).map((x) => JSON.stringify(x)).join(', ')}) does not match Yespo's format: ${bad.join('; ')}`);
  }
  for (const b of restBodies) {
    const bad = assets.checkRestBody(b);
    if (bad.length) add('error', `REST ${b.GeneralInfo.eventName} does not match Yespo's format: ${bad.join('; ')}`);
  }

  // The tracker itself: did it run, and what did its config say?
  for (const l of logged) if (!/does not match Yespo's format/.test(l.text)) add(l.type === 'error' ? 'error' : 'warning', l.text);
  if (!got.running) {
    add('error', `the tracker did not start${out.bundle === 'injected' ? '' : " (the page's own bundle)"}${logged.length ? '' : '; it logged nothing'}`);
    return;
  }
  const cfg = got.config && typeof got.config === 'object' ? got.config : {};
  const ownKeys = (got.cfg && got.cfg.keys) || [];
  const installed = out.bundle !== 'injected' || (got.cfg && got.cfg.own);
  if (installed && !ownKeys.includes('scriptId') && !got.scriptIdAttr && cfg.transport !== 'rest')
    add('error', 'the page\'s window.yespoConfig has no scriptId (nor data-yespo-script-id on the script tag): the tracker would stay off; the audit supplied one');
  if (got.granted === 'google')
    add('warning', 'Google Consent Mode denies analytics_storage: nothing is sent until the visitor accepts; the audit accepted (gtag consent update), and the events shown are those that follow');
  else if (cfg.consent === 'pending') add('warning', 'consent is "pending": nothing is sent until the page calls yespo.consent(\'granted\'); the audit called it, and the events shown are those that follow');
  if (out.bundle !== 'injected' && !insp)
    add('warning', `the page's own bundle (${got.version || 'unknown version'}) is not the debug build, so the page type, sources and problems are unknown; only the sent events are shown`);

  // The debug build's own findings.
  const lines = (insp && insp.problems) || [];
  // "no signal says this is a other page" is the model's fallback talking, not a disagreement.
  for (const line of lines) if (!/^no signal says /.test(line)) add(ERROR_LINES.some((re) => re.test(line)) ? 'error' : 'warning', line);

  // Page-level expectations.
  const names = out.events.map((e) => e.name);
  const noKey = lines.some((l) => /without a (product|category) key/.test(l));
  if (model) {
    if (model.type === 'product') {
      if (!model.product) noKey || add('error', 'product page without a product key: no ProductPage is sent');
      else if (model.product.price === undefined) add('warning', `product page without a price (product "${model.product.productKey}"): ProductPage is sent without one`);
      if (model.product && !names.includes('ProductPage')) add('error', 'product page, but no ProductPage event was sent');
    }
    if (model.type === 'category' && model.category && !names.includes('CategoryPage')) add('error', 'category page, but no CategoryPage event was sent');
    if (model.type === 'purchase' && !names.includes('PurchasedItems'))
      add('error', `purchase page, but no PurchasedItems event was sent${model.order ? '' : ' (no order found: data-yespo-order, JSON-LD Order or a dataLayer purchase)'}`);
    if (model.type === 'other' && model.typeFrom === 'no signal')
      add('warning', 'no page-type signal (data-yespo-page, structured data, dataLayer or a URL rule): nothing page-specific is sent here');
  }
  for (const n of PAGE_EVENTS) {
    const count = names.filter((x) => x === n).length;
    if (count > 1) add('warning', `${n} was sent ${count} times (does the page also call eS itself?)`);
  }

  // Keys that Yespo cannot match to a product feed.
  const keys = productKeys([out.events, model && [model.product, model.cart, model.order]]);
  for (const k of keys) {
    const why = keyTrouble(k);
    if (why.length) add('warning', `product key ${short(JSON.stringify(k), 90)} does not look like a feed id: ${why.join(', ')} (Yespo matches productKey to the g:id of the product feed)`);
  }

  for (const e of pageErrors.slice(0, 3)) add('warning', `uncaught error in the page: ${short(e, 200)}`);
  if (pageErrors.length > 3) add('warning', `${pageErrors.length - 3} more uncaught errors in the page`);
}

// ---------------------------------------------------------------------------------------------
// Output

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);

function report(p) {
  const lines = [];
  lines.push(paint('1', p.input === p.url ? p.url : `${p.input}  (${p.url})`));
  const meta = [];
  if (p.status) meta.push(`HTTP ${p.status}`);
  if (p.bundle) meta.push(`${p.bundle === 'injected' ? 'debug build injected' : p.bundle === 'page' ? "the page's own bundle" : "the page's own bundle, debug build served by the audit"} ${p.version || ''}`.trim());
  if (p.blocked) meta.push(`${p.blocked} outside request${p.blocked === 1 ? '' : 's'} blocked`);
  if (meta.length) lines.push('  ' + paint('2', meta.join(' · ')));
  if (p.type) lines.push(`  page type   ${p.type}  (decided by ${p.typeFrom})`);
  const facts = Object.entries(p.facts);
  if (facts.length) {
    lines.push('  read');
    for (const [k, f] of facts) lines.push(`    ${k.padEnd(9)} ${short(f.value, 200)}  ${paint('2', '← ' + f.from)}`);
  }
  lines.push(p.events.length ? '  events' : '  events      none');
  for (const e of p.events) lines.push(`    ${e.name}${e.via ? ' (REST)' : ''} ${e.via ? short(e.body, 400) : e.payload === undefined ? '' : short(e.payload, 400)}`.trimEnd());
  if (p.problems.length) {
    lines.push('  problems');
    for (const pr of p.problems) lines.push(`    ${pr.level === 'error' ? paint('31', 'error  ') : paint('33', 'warning')}  ${pr.message}`);
  } else lines.push('  problems    none');
  return lines.join('\n');
}

function summary(pages) {
  const errs = pages.filter((p) => p.problems.some((x) => x.level === 'error')).length;
  const warns = pages.reduce((n, p) => n + p.problems.filter((x) => x.level === 'warning').length, 0);
  return `${pages.length} page${pages.length === 1 ? '' : 's'} audited: ${errs ? paint('31', `${errs} with errors`) : 'no errors'}, ${warns} warning${warns === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------

async function main(argv) {
  let opts;
  try {
    opts = parseCli(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`yespo-autotrack: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }

  const fail = (msg) => (process.stderr.write(`yespo-autotrack: ${msg}\n`), 2);
  let assets;
  try {
    const { checkEsCall, checkRestBody } = await import(pathToFileURL(SCHEMA).href);
    assets = { debugJs: readFileSync(DEBUG_BUILD, 'utf8'), checkEsCall, checkRestBody };
  } catch (e) {
    return fail(`the package's build is missing or broken (${DEBUG_BUILD}, ${SCHEMA}): build it first (node build.mjs)\n${(e && e.message) || e}`);
  }
  const chromium = await loadChromium();
  if (!chromium) return fail('the audit needs Playwright to drive Chromium. Install it in your project:\n\n  npm i -D @playwright/test\n  npx playwright install chromium   # unless CHROMIUM_PATH or /usr/bin/chromium is there');

  let browser;
  try {
    browser = await chromium.launch({ headless: true, executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  } catch (e) {
    return fail(`Chromium did not start: ${String(e.message || e).split('\n')[0]}\nSet CHROMIUM_PATH, install Debian's chromium, or run: npx playwright install chromium`);
  }

  const servers = new Map();
  try {
    for (const t of opts.targets) {
      if (!t.file) continue;
      const dir = dirname(t.file);
      if (!servers.has(dir)) servers.set(dir, await serveDir(dir));
      t.url = `${servers.get(dir).origin}/${encodeURIComponent(basename(t.file))}`;
    }
    const pages = new Array(opts.targets.length);
    let next = 0;
    let printed = 0;
    const worker = async () => {
      while (next < opts.targets.length) {
        const i = next++;
        pages[i] = await auditPage(browser, opts.targets[i], opts, assets);
        // Reports come out in the order the pages were given, each as soon as it can.
        for (; !opts.json && printed < pages.length && pages[printed]; printed++) process.stdout.write(report(pages[printed]) + '\n\n');
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, opts.targets.length) }, worker));
    if (opts.json) process.stdout.write(JSON.stringify({ pages }, null, 2) + '\n');
    else process.stdout.write(summary(pages) + '\n');
    return pages.some((p) => p.problems.some((x) => x.level === 'error')) ? 1 : 0;
  } finally {
    await browser.close().catch(() => {});
    await Promise.all([...servers.values()].map((s) => s.close()));
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`yespo-autotrack: ${(e && e.stack) || e}\n`);
    process.exitCode = 2;
  },
);
