// @ts-check
// What the audited page may reach: its own origin and the tracker's file. Yespo's eS script is
// replaced by a recorder, event bodies posted to a tracker API are kept and answered, and the
// rest is blocked, so nothing leaves the machine but requests to the shop itself.
import { ES_RECORDER } from '../chromium.mjs';

/**
 * @typedef {object} Traffic  what the routes saw, filled in as the page loads
 * @property {number} blocked
 * @property {Array<{ GeneralInfo: { eventName: string } }>} restBodies
 * @property {'page-debug' | null} bundle
 */

/**
 * Is this request an event on its way to a tracker API (REST transport, or a shop's own proxy)?
 * @param {import('@playwright/test').Request} req
 */
export function eventBody(req) {
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

/**
 * @param {import('@playwright/test').Page} page
 * @param {string} url the page's address
 * @param {string} debugJs the debug build, served when the shop bundle's `.debug.js` sibling is missing
 * @returns {Promise<Traffic>}
 */
export async function routePage(page, url, debugJs) {
  /** @type {Traffic} */
  const traffic = { blocked: 0, restBodies: [], bundle: null };
  const allowed = new Set([new URL(url).origin]);
  const scripts = new Set();
  await page.route('**/*', async (route) => {
    const req = route.request();
    let u;
    try {
      u = new URL(req.url());
    } catch {
      return route.abort('blockedbyclient');
    }
    if (u.hostname === 'cdn.esputnik.com' && /^\/scripts\/[^/]+\.js$/.test(u.pathname)) return route.fulfill({ status: 200, contentType: 'text/javascript', body: ES_RECORDER });
    const events = eventBody(req);
    if (events) {
      traffic.restBodies.push(...events);
      return route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
    }
    const file = u.origin + u.pathname;
    if (req.resourceType() === 'script') scripts.add(file);
    // The shop bundle in debug mode loads its `.debug.js` sibling (a script loaded before, `.min.js` → `.debug.js`):
    // the site's own when it has one, else ours.
    const stem = /\.debug\.js$/i.test(file) && file.replace(/\.debug\.js$/i, '');
    if (stem && (scripts.has(stem + '.min.js') || scripts.has(stem + '.js'))) {
      const res = await route.fetch().catch(() => undefined);
      if (res && res.ok()) return route.fulfill({ response: res });
      traffic.bundle = 'page-debug';
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: debugJs });
    }
    if (mayPass(req, u, allowed, page)) return route.continue();
    traffic.blocked++;
    return route.abort('blockedbyclient');
  });
  return traffic;
}

/**
 * @param {import('@playwright/test').Request} req
 * @param {URL} u
 * @param {Set<string>} allowed origins of the page (it grows when the page itself redirects)
 * @param {import('@playwright/test').Page} page
 */
function mayPass(req, u, allowed, page) {
  if (/(^|\.)(yespo\.io|esputnik\.com)$/.test(u.hostname)) return false;
  // The tracker's own file may come from a CDN: it is what is being audited, and it sends nothing itself.
  if (allowed.has(u.origin) || (/yespo-autotrack[^/]*\.js$/i.test(u.pathname) && req.resourceType() === 'script')) return true;
  // A redirect of the page itself (http → https, bare domain → www) moves its origin.
  if (req.isNavigationRequest() && req.frame() === page.mainFrame() && /^https?:$/.test(u.protocol)) {
    allowed.add(u.origin);
    return true;
  }
  return false;
}
