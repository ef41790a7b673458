import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PLATFORM_PAGES, fillPlatformPage, handlePlatformCart, platformPagePath } from './platform-carts.mjs';
import { TYPES, sendFile } from '../bin/audit/serve.mjs';
import { AUDIT_PAGES, sitemapFile } from './sitemaps.mjs';
import { VARIANTS } from '../variants.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const PRODUCTS = ['24-MB02', '24-WB04', '24-UG06'];
/** The zero-config section (`/zero/…`): path → file under pages/zero/. */
const ZERO = [
  ['/zero', 'index.html'],
  ['/zero/product/shopify-tee', 'product-shopify-tee.html'],
  ['/zero/product/magento-bag', 'product-magento-bag.html'],
  ['/zero/product/og-only', 'product-og-only.html'],
  ['/zero/category/shoes', 'category-shoes.html'],
  ['/zero/search', 'search.html'],
  ['/zero/ga4/product', 'ga4-product.html'],
  ['/zero/ga4/thank-you', 'ga4-thank-you.html'],
  ['/zero/woo/cart', 'woo-cart.html'],
  ['/zero/broken-jsonld', 'broken-jsonld.html'],
  ['/zero/consent-mode', 'consent-mode.html'],
  ['/zero/shopware/detail/SW10012', 'shopware-product.html'],
  ['/zero/late/product/trail-runner-2', 'late-jsonld.html'],
  // Platform themes over the platform cart endpoints of platform-carts.mjs.
  ...PLATFORM_PAGES,
];

const routes = new Map([
  ['/', join(here, 'pages/index.html')],
  ['/category/bags', join(here, 'pages/category-bags.html')],
  ...PRODUCTS.map((key) => [`/product/${key}`, join(here, `pages/product-${key}.html`)]),
  ...['cart', 'checkout', 'thank-you', 'account', 'search'].map((page) => [`/${page}`, join(here, `pages/${page}.html`)]),
  // The zero-config section: pages that carry no data-yespo-* attribute, only what shop platforms print.
  ...ZERO.map(([path, file]) => [path, join(here, 'pages/zero', file)]),
  ['/gtm', join(here, 'pages/gtm.html')],
  // Audit examples: a product without a usable price, a page that sends nothing.
  ...AUDIT_PAGES.map(([path, file]) => [path, join(here, 'pages/audit', file)]),
  ['/shop.js', join(here, 'public/shop.js')],
  ['/shop.css', join(here, 'public/shop.css')],
  ['/app.js', join(here, 'public/app.js')],
  // The platform pages' theme scripts.
  ...['shopify', 'woocommerce', 'magento', 'prestashop', 'bigcommerce'].map((name) => [`/platforms/${name}.js`, join(here, `public/platforms/${name}.js`)]),
  // Every built file at the root, as a shop self-hosts dist/: the shop bundle, the core file, the
  // chunks each loads beside itself, and the debug files they load instead of themselves with ?yespo_debug=1.
  ...VARIANTS.filter((v) => v.id !== 'pixel').map((v) => [`/${basename(v.out)}`, join(here, '..', v.out)]),
  ['/es-standin.js', join(dist, 'demo/es-standin.js')],
]);
const notFoundPage = join(here, 'pages/404.html');
/** The client-routed section: /app and every path under it is the same page; app.js picks the view. */
const appPage = join(here, 'pages/app.html');
const isAppPath = (path) => path === '/app' || path.startsWith('/app/');

const JSON_TYPE = 'application/json; charset=utf-8';

const { values } = parseArgs({ options: { port: { type: 'string' }, rest: { type: 'boolean' } }, strict: false });
const port = Number(values.port ?? process.env.PORT ?? 8080);
/** The transport of pages that do not choose one (`?transport=` or the `demo-transport` cookie). */
const defaultTransport = values.rest === true || process.env.DEMO_TRANSPORT === 'rest' ? 'rest' : 'es';

function send(req, res, status, type, body, headers = {}) {
  res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const sendJson = (req, res, status, value, headers) => send(req, res, status, JSON_TYPE, JSON.stringify(value), headers);

// ---------------------------------------------------------------------------------------------
// REST mode: the pages' config line is rewritten and the inspector is loaded by the page itself.

const CONFIG_LINE = /window\.yespoConfig = \{[^\n]*?\};/;
const REST_CONFIG = 'window.yespoConfig = { transport: "rest", siteId: "DEMO-SITE", restUrl: "/collect", currency: "USD" };';
const TRACKER_TAG = '<script src="/yespo-autotrack.min.js"';
const INSPECTOR_TAG = '<script src="/es-standin.js" data-mode="rest"></script>';

/** The page as the REST transport needs it: REST config, and the inspector before the tracker. */
function restPage(html) {
  const page = html.replace(CONFIG_LINE, () => REST_CONFIG);
  if (page.includes(TRACKER_TAG)) return page.replace(TRACKER_TAG, () => `${INSPECTOR_TAG}\n${TRACKER_TAG}`);
  return page.replace(/<\/body>/i, () => `${INSPECTOR_TAG}\n</body>`);
}

function cookie(req, name) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * A page-mode switch: `?name=value` picks one of `values` for this page and, through a session
 * cookie (`demo-name`), for the pages the visitor opens next; without either, `fallback`.
 */
function choice(req, url, name, values, fallback) {
  const asked = url.searchParams.get(name);
  if (values.includes(asked)) return { value: asked, setCookie: `demo-${name}=${asked}; Path=/; SameSite=Lax` };
  const kept = cookie(req, `demo-${name}`);
  return { value: values.includes(kept) ? kept : fallback };
}

/** `?transport=rest|es`: REST mode or the eS stand-in; without it, the server's own mode (`--rest`, `DEMO_TRANSPORT=rest`). */
const transportOf = (req, url) => choice(req, url, 'transport', ['rest', 'es'], defaultTransport);

/** `?file=core|shop`: the attribute pages run the core file (and its chunks) in place of the shop bundle. */
const fileOf = (req, url) => choice(req, url, 'file', ['core', 'shop'], 'shop');
const CORE_TAG = '<script src="/yespo-autotrack.core.min.js"';

/** Pages share parts (`pages/_header.html`, `pages/_zero-header.html`), put in where a page names them. */
const INCLUDE = /<!-- #include (_[\w-]+\.html)[^]*?-->/g;

async function sendPage(req, res, url, status, file) {
  let html = await readFile(file, 'utf8');
  const parts = {};
  for (const [, name] of html.matchAll(INCLUDE)) parts[name] ??= (await readFile(join(here, 'pages', name), 'utf8')).trimEnd();
  html = fillPlatformPage(req, res, url, html.replace(INCLUDE, (_, name) => parts[name]));
  const transport = transportOf(req, url);
  const bundle = fileOf(req, url);
  if (bundle.value === 'core') html = html.replace(TRACKER_TAG, () => CORE_TAG);
  const cookies = [transport.setCookie, bundle.setCookie].filter(Boolean);
  return send(req, res, status, TYPES['.html'], transport.value === 'rest' ? restPage(html) : html, cookies.length ? { 'Set-Cookie': cookies } : {});
}

// ---------------------------------------------------------------------------------------------
// The local collector: POST /collect validates REST bodies as Yespo's tracker API would take them.

const BODY_LIMIT = 256 * 1024;
const LOG_MAX = 200;
/** `{ at, status, body, problems, injected? }` of the last requests to /collect, newest last. */
const collected = [];
/** Pending fault injections: `{ count, status, sc? }`, the first that matches a request answers it. */
let faults = [];

const schemaUrl = pathToFileURL(join(dist, 'schema.js')).href;
let checkRestBody;
let schemaProblem = '';

/** `checkRestBody` from the built schema; tried again on each request until the build is there. */
async function validator() {
  if (checkRestBody) return checkRestBody;
  try {
    const mod = await import(schemaProblem ? `${schemaUrl}?retry=${Date.now()}` : schemaUrl);
    if (typeof mod.checkRestBody !== 'function') throw new Error('dist/schema.js has no checkRestBody');
    checkRestBody = mod.checkRestBody;
    schemaProblem = '';
  } catch (error) {
    schemaProblem = !existsSync(fileURLToPath(schemaUrl))
      ? 'the collector cannot validate: dist/schema.js is missing (run npm run build)'
      : `the collector cannot validate: ${error && error.message ? error.message : String(error)}`;
  }
  return checkRestBody;
}

/** The request body as text, or undefined past the limit (the rest is read and thrown away). */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > BODY_LIMIT ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const scOf = (body) => {
  const sc = body && typeof body === 'object' ? body.GeneralInfo?.cookies?.sc : undefined;
  return typeof sc === 'string' ? sc : undefined;
};

function remember(entry) {
  collected.push({ at: Date.now(), ...entry });
  if (collected.length > LOG_MAX) collected.splice(0, collected.length - LOG_MAX);
}

/** The first pending fault for a request with this sc cookie value, used up by one. */
function takeFault(sc) {
  const fault = faults.find((f) => f.sc === undefined || f.sc === sc);
  if (!fault) return undefined;
  fault.count--;
  faults = faults.filter((f) => f.count > 0);
  return fault;
}

async function collect(req, res) {
  const text = await readBody(req);
  if (text === undefined) {
    const problems = [`body larger than ${BODY_LIMIT / 1024} KB`];
    remember({ status: 413, body: null, problems });
    return sendJson(req, res, 413, { problems });
  }
  let body;
  let notJson = '';
  try {
    body = JSON.parse(text);
  } catch (error) {
    body = text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
    notJson = `not JSON: ${error.message}`;
  }
  const fault = takeFault(notJson ? undefined : scOf(body));
  if (fault) {
    const problems = [`fault injection: answered ${fault.status}`];
    remember({ status: fault.status, body, problems, injected: true });
    return sendJson(req, res, fault.status, { problems });
  }
  if (notJson) {
    remember({ status: 400, body, problems: [notJson] });
    return sendJson(req, res, 400, { problems: [notJson] });
  }
  const check = await validator();
  if (!check) {
    remember({ status: 503, body, problems: [schemaProblem] });
    return sendJson(req, res, 503, { problems: [schemaProblem] });
  }
  let problems;
  try {
    problems = check(body);
  } catch (error) {
    problems = [`validator failed: ${error && error.message ? error.message : String(error)}`];
  }
  remember({ status: problems.length ? 400 : 200, body, problems });
  return problems.length ? sendJson(req, res, 400, { problems }) : sendJson(req, res, 200, { ok: true });
}

/** `POST /collect/fail?count=N&status=503&sc=VALUE`: the next N matching requests answer `status`. */
function injectFault(req, res, url) {
  const q = url.searchParams;
  const count = q.has('count') ? Number(q.get('count')) : 1;
  const status = q.has('status') ? Number(q.get('status')) : 503;
  const sc = q.get('sc') || undefined;
  const problems = [];
  if (!Number.isInteger(count) || count < 0 || count > 1000) problems.push('count: a whole number from 0 to 1000');
  if (!Number.isInteger(status) || status < 400 || status > 599) problems.push('status: an HTTP error status from 400 to 599');
  if (problems.length) return sendJson(req, res, 400, { problems });
  // A new fault for the same requests replaces the old one; count=0 just removes it.
  faults = faults.filter((f) => f.sc !== sc);
  if (count > 0) faults.push(sc === undefined ? { count, status } : { count, status, sc });
  return sendJson(req, res, 200, { ok: true, faults });
}

/** `GET /collect/log[?sc=VALUE][&since=MS]`: what the collector took, newest last. */
function collectorLog(req, res, url) {
  const sc = url.searchParams.get('sc');
  const since = Number(url.searchParams.get('since') || 0);
  const entries = collected.filter((e) => e.at >= since && (!sc || scOf(e.body) === sc));
  return sendJson(req, res, 200, entries);
}

function collector(req, res, url, path) {
  const only = (method) => {
    const allowed = method === 'GET' ? ['GET', 'HEAD'] : [method];
    if (allowed.includes(req.method)) return true;
    req.resume();
    sendJson(req, res, 405, { problems: [`${req.method} is not allowed here; use ${allowed.join(' or ')}`] }, { Allow: allowed.join(', ') });
    return false;
  };
  if (path === '/collect') return only('POST') && collect(req, res);
  if (path === '/collect/log') return only('GET') && collectorLog(req, res, url);
  if (path === '/collect/fail') return only('POST') && (req.resume(), injectFault(req, res, url));
  req.resume();
  return sendJson(req, res, 404, { problems: [`no such collector endpoint: ${path}`] });
}

// ---------------------------------------------------------------------------------------------

async function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  // The shop platforms' cart endpoints (Shopify /cart.js, WooCommerce Store API, …), before the page routes.
  if (handlePlatformCart(req, res, url)) return;
  const path = url.pathname.replace(/(.)\/+$/, '$1');
  if (path === '/collect' || path.startsWith('/collect/')) return collector(req, res, url, path);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
  }
  // Sitemaps and robots.txt, with the address the visitor used.
  const listing = sitemapFile(path, `http://${req.headers.host}`);
  if (listing) return send(req, res, 200, listing.type, listing.body);
  const file = routes.get(path) ?? routes.get(platformPagePath(path)) ?? (isAppPath(path) ? appPage : undefined);
  if (!file) return sendPage(req, res, url, 404, notFoundPage);
  try {
    if (extname(file) === '.html') return await sendPage(req, res, url, 200, file);
    if (await sendFile(req, res, file)) return;
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  return send(req, res, 404, 'text/plain; charset=utf-8', `${path} is not built yet: run npm run build\n`);
}

const server = createServer((req, res) => {
  Promise.resolve()
    .then(() => handle(req, res))
    .catch((error) => {
      console.error(error);
      if (!res.headersSent) send(req, res, 500, 'text/plain; charset=utf-8', 'Internal error\n');
    });
});

validator().then((check) => {
  if (!check) console.warn(`Note: ${schemaProblem}; POST /collect answers 503 until it is built.`);
});

server.listen(port, '127.0.0.1', () => {
  const address = `http://127.0.0.1:${server.address().port}/`;
  console.log(defaultTransport === 'rest' ? `Demo shop (REST mode): ${address}` : `Demo shop: ${address}`);
});
