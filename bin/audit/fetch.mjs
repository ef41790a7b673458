// @ts-check
// Fetching the shop's own files (sitemaps, robots.txt) from Node, with a time limit; gzip is
// unpacked by its magic bytes, since a `.xml.gz` may come with or without Content-Encoding.
import { gunzipSync } from 'node:zlib';

export const USER_AGENT = 'Mozilla/5.0 (compatible; yespo-autotrack audit)';

/**
 * @param {string} url
 * @param {number} [timeout] ms
 * @returns {Promise<{ status: number, text: string }>}
 */
export async function fetchText(url, timeout = 20_000) {
  const res = await fetch(url, { headers: { 'User-Agent': USER_AGENT, Accept: '*/*' }, redirect: 'follow', signal: AbortSignal.timeout(timeout) });
  const bytes = Buffer.from(await res.arrayBuffer());
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return { status: res.status, text: plain.toString('utf8') };
}

/**
 * The text of a file that must be there: anything but HTTP 2xx throws.
 * @param {string} url
 */
export async function fetchFile(url) {
  const { status, text } = await fetchText(url);
  if (status < 200 || status > 299) throw new Error(`HTTP ${status}`);
  return text;
}
