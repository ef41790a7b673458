// @ts-check
// One static file server, shared by the audit (local HTML files) and the demo shop.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/** Content type by file extension. */
export const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.gz': 'application/gzip',
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
});

/** @param {string} file */
export const contentType = (file) => TYPES[extname(file).toLowerCase()] || 'application/octet-stream';

/**
 * Answers with a file's bytes (nothing for HEAD), uncached; false when the file cannot be read.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} file
 * @param {number} [status]
 */
export async function sendFile(req, res, file, status = 200) {
  let body;
  try {
    body = await readFile(file);
  } catch {
    return false;
  }
  res.writeHead(status, { 'Content-Type': contentType(file), 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

/**
 * The file a request path names under `root`, or undefined when it points outside.
 * @param {string} root
 * @param {string | undefined} url
 */
export function fileUnder(root, url) {
  let path;
  try {
    path = decodeURIComponent(new URL(url || '/', 'http://x').pathname);
  } catch {
    return undefined;
  }
  const file = resolve(root, '.' + path);
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}

/**
 * Serves a directory on 127.0.0.1 at a free port.
 * @param {string} root
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export function serveDir(root) {
  const server = createServer(async (req, res) => {
    const file = fileUnder(root, req.url);
    if (file && (await sendFile(req, res, file))) return;
    res.writeHead(404, { 'Content-Type': TYPES['.txt'] });
    res.end('not found');
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      ok({ origin: `http://127.0.0.1:${address.port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
