/** Keys page data may never set: dropped while parsing so nothing can reach Object.prototype. */
const UNSAFE = /^(__proto__|constructor|prototype)$/;

const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/**
 * `Tom &amp; Jerry` → `Tom & Jerry`. Shops pass JSON-LD through their HTML escaping: WooCommerce's
 * `wc_esc_json`, PrestaShop's Smarty auto-escape (`&#039;`), BigCommerce's Handlebars (`&#x27;`, `&#x3D;`).
 */
const decode = (s: string) =>
  s.indexOf('&') < 0
    ? s
    : s.replace(/&(#x?[\da-f]+|amp|quot|apos|lt|gt);/gi, (m, e: string) => {
        // "#x27" → Number("0x27"), "#039" → Number("0039"): both 39.
        const n = e.charAt(0) === '#' ? Number('0' + e.slice(1)) : -1;
        return n < 0 ? NAMED[e.toLowerCase()] : n < 0x110000 ? String.fromCodePoint(n) : m;
      });

/**
 * Entities decoded and unsafe keys dropped in place, after a plain JSON.parse: a reviver function
 * makes V8's parse about three times slower on a large ItemList; this walk costs a third of a parse.
 */
function clean(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return decode(v);
  if (!v || typeof v !== 'object' || depth > 64) return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o)) for (let i = 0; i < o.length; i++) o[i] = clean(o[i], depth + 1);
  else for (const k of Object.keys(o)) UNSAFE.test(k) ? delete o[k] : (o[k] = clean(o[k], depth + 1));
  return o;
}

/**
 * One pass over broken JSON as real shops print it. Strings are kept whole (raw control characters
 * become spaces, needless escapes such as PHP's `\'` lose their backslash); outside them, comments
 * (also `//<![CDATA[` guards), `<!-- -->` wrappers, `;`, trailing commas and the doubled commas
 * of PrestaShop's conditional template parts are dropped, and leading-zero numbers such as `00123`
 * (SKUs printed unquoted) become strings so no digit is lost. Every alternative that can start at
 * a position matches there (an unclosed string or comment runs to the end), so the pass stays
 * linear on any input.
 */
const TOKEN =
  /("[^"\\]*(?:\\[^][^"\\]*)*(?:"|\\?$))|(-?\d[\w.+-]*)|\/\/[^\n]*|\/\*[^]*?(?:\*\/|$)|,(?=\s*[,}\]])|<!--|-->|;|[\x00-\x08\x0b\x0c\x0e-\x1f\ufeff]/g;

const fix = (s: string) =>
  s.replace(TOKEN, (_, str: string | undefined, num: string | undefined) =>
    str
      ? str.replace(/\\([^])/g, (m, c: string) => ('"\\/bfnrtu'.indexOf(c) < 0 ? c : m)).replace(/[\x00-\x1f]/g, ' ')
      : num
        ? /^-?0\d/.test(num) ? '"' + num + '"' : num
        : '',
  );

const reason = (e: unknown) => String(e).slice(0, 80);

/**
 * Parses JSON from a page: as is, else after one repair pass (twice over, so a comma left before
 * a removed comment also goes). Never evaluates code. Strings come back with HTML entities decoded
 * and objects without `__proto__` / `constructor` / `prototype` keys. Undefined when it cannot be
 * read; `why` hears what was wrong, also when the repair worked.
 */
export function readJson(text: string, why?: (reason: string, read: boolean) => void): unknown {
  try {
    return clean(JSON.parse(text));
  } catch (e) {
    try {
      const v = clean(JSON.parse(fix(fix(text))));
      if (__DEBUG__ && why) why('broken JSON repaired (' + reason(e) + ')', true);
      return v;
    } catch {
      if (__DEBUG__ && why) why('cannot be read (' + reason(e) + ')', false);
      return undefined;
    }
  }
}
