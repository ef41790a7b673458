// @ts-check
// The bench's HTTP server on 127.0.0.1: the pages with a variant's tags, the variants' scripts,
// collectors answering 204, and Shopify's cart endpoints (counting the cart reads).
import http from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { createCart } from './cart.mjs';
import { pageAt, PAGES } from './pages/index.mjs';
import { byId, tags } from './variants.mjs';

/**
 * @typedef {{ base: string, cart: ReturnType<typeof createCart>, collected: Record<string, number>, close: () => void }} Server
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 */

/** @param {Req} req @returns {Promise<string>} */
function body(req) {
  return new Promise((ok) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => ok(s));
  });
}

/** @param {Res} res @param {number} status @param {string} type @param {string | Buffer} content */
function send(res, status, type, content) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  res.end(content);
}

/** @param {Res} res @param {unknown} data */
const sendJson = (res, data) => send(res, 200, 'application/json', JSON.stringify(data));

/**
 * @param {Record<string, import('./scripts.mjs').Script>} scripts
 * @returns {(req: Req, res: Res, url: URL, server: Server) => Promise<void> | void}
 */
function router(scripts) {
  // Generated once up front, outside any measurement.
  /** @type {Record<string, string>} */
  const html = Object.fromEntries(Object.values(PAGES).map((pg) => [pg.id, pg.html()]));
  return async (req, res, url, server) => {
    const p = url.pathname;
    if (p.startsWith('/collect/')) {
      await body(req);
      const peer = p.split('/')[2];
      server.collected[peer] = (server.collected[peer] || 0) + 1;
      return send(res, 204, 'text/plain', '');
    }
    if (p === '/cart/add.js' && req.method === 'POST') return sendJson(res, server.cart.add(await body(req)));
    if (p === '/cart.js' && req.method === 'GET') return sendJson(res, server.cart.read());
    // A chunk beside a variant's file, /t/<id>.<name>.js: the file its bundle asks for beside itself
    // (dist/yespo-autotrack.min.js → dist/yespo-autotrack.<name>.js, …core.min.js → …core.<name>.js).
    const chunk = /^\/t\/([a-z]+)\.([a-z]+)\.js$/.exec(p);
    const owner = chunk && scripts[chunk[1]] ? byId(chunk[1]).file : undefined;
    const chunkFile = chunk && owner && owner.replace(/(\.min)?\.js$/, `.${chunk[2]}.js`);
    if (chunkFile && existsSync(chunkFile)) return send(res, 200, 'text/javascript', readFileSync(chunkFile, 'utf8'));
    const t = /^\/t\/([a-z]+)\.js$/.exec(p);
    const script = t && scripts[t[1]];
    if (script) return send(res, 200, 'text/javascript', (url.searchParams.get('build') === 'readable' && script.readable) || script.source);
    if (p === '/blank.html') return send(res, 200, 'text/html', '<!doctype html><title>blank</title>');
    const page = pageAt(p);
    if (!page) return send(res, 404, 'text/plain', 'not found');
    const v = byId(url.searchParams.get('v') || 'none');
    send(res, 200, 'text/html; charset=utf-8', html[page.id].replace('<!--TRACKER-->', () => tags(v, page.id, url.searchParams.get('build') || undefined)));
  };
}

/**
 * @param {Record<string, import('./scripts.mjs').Script>} scripts
 * @returns {Promise<Server>}
 */
export function serve(scripts) {
  const route = router(scripts);
  /** @type {Server} */
  const server = { base: '', cart: createCart(), collected: {}, close: () => listener.close() };
  const listener = http.createServer((req, res) => {
    Promise.resolve(route(req, res, new URL(req.url || '/', 'http://127.0.0.1'), server)).catch(() => res.end());
  });
  return new Promise((ok) =>
    listener.listen(0, '127.0.0.1', () => {
      const addr = listener.address();
      server.base = `http://127.0.0.1:${addr && typeof addr === 'object' ? addr.port : 0}`;
      ok(server);
    }),
  );
}
