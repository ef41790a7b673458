import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const PRODUCTS = ['24-MB02', '24-WB04', '24-UG06'];

const routes = new Map([
  ['/', join(here, 'pages/index.html')],
  ['/category/bags', join(here, 'pages/category-bags.html')],
  ...PRODUCTS.map((key) => [`/product/${key}`, join(here, `pages/product-${key}.html`)]),
  ...['cart', 'checkout', 'thank-you', 'account', 'search'].map((page) => [`/${page}`, join(here, `pages/${page}.html`)]),
  ['/shop.js', join(here, 'public/shop.js')],
  ['/shop.css', join(here, 'public/shop.css')],
  ['/app.js', join(here, 'public/app.js')],
  ['/yespo-autotrack.min.js', join(dist, 'yespo-autotrack.min.js')],
  ['/es-standin.js', join(dist, 'demo/es-standin.js')],
]);
const notFoundPage = join(here, 'pages/404.html');
/** The client-routed section: /app and every path under it is the same page; app.js picks the view. */
const appPage = join(here, 'pages/app.html');
const isAppPath = (path) => path === '/app' || path.startsWith('/app/');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function send(req, res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
  }
  const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/(.)\/+$/, '$1');
  const file = routes.get(path) ?? (isAppPath(path) ? appPage : undefined);
  if (!file) return send(req, res, 404, TYPES['.html'], await readFile(notFoundPage));
  try {
    return send(req, res, 200, TYPES[extname(file)], await readFile(file));
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    return send(req, res, 404, 'text/plain; charset=utf-8', `${path} is not built yet: run npm run build\n`);
  }
}

const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: false });
const port = Number(values.port ?? process.env.PORT ?? 8080);

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) send(req, res, 500, 'text/plain; charset=utf-8', 'Internal error\n');
  });
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Demo shop: http://127.0.0.1:${server.address().port}/`);
});
