// @ts-check
// Functions that run inside the audited page (passed to Playwright, so each stands alone: no
// closures over this module). The page's globals are untyped: `window` is read as `any`.

/**
 * Runs in the page before its own scripts: the audit's config sits under whatever the page sets
 * (assigning `window.yespoConfig` fills in only the keys the page leaves out), and every event the
 * tracker sends is kept from its `yespo:event`.
 * @param {Record<string, unknown>} base
 */
export function beforePage(base) {
  const w = /** @type {any} */ (window);
  const mark = (w.__auditCfg = { own: false, keys: /** @type {string[]} */ ([]) });
  /** @param {any} v */
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
  let cur = w.yespoConfig ? fill(w.yespoConfig) : JSON.parse(JSON.stringify(base));
  try {
    Object.defineProperty(window, 'yespoConfig', { configurable: true, enumerable: true, get: () => cur, set: (v) => (cur = fill(v)) });
  } catch {
    w.yespoConfig = cur;
  }
  w.__auditEvents = [];
  window.addEventListener('yespo:event', (e) => {
    try {
      w.__auditEvents.push(JSON.parse(JSON.stringify(/** @type {CustomEvent} */ (e).detail)));
    } catch {
      /* an event that cannot be copied is still in the recorded calls */
    }
  });
}

/** Reads what the tracker found and what was sent, as plain JSON (page elements left out). */
export function collect() {
  const w = /** @type {any} */ (window);
  /** @param {unknown} v */
  const plain = (v) => {
    try {
      return JSON.parse(JSON.stringify(v, (_, x) => (x instanceof Node ? undefined : x)));
    } catch {
      return undefined;
    }
  };
  /** @param {any} e */
  const unwrap = (e) => {
    const a = Array.from(e || []);
    return a.length === 1 && Object.prototype.toString.call(a[0]) === '[object Arguments]' ? Array.from(/** @type {any} */ (a[0])) : a;
  };
  const y = w.yespo;
  let inspection;
  try {
    inspection = y && !Array.isArray(y) && typeof y.inspect === 'function' ? y.inspect() : undefined;
  } catch {
    inspection = undefined;
  }
  const rec = w.__esCalls;
  // The recorder (or the page's own stand-in) holds the calls; when no eS script loaded they wait in the loader's queue.
  const calls = Array.isArray(rec) ? rec.filter((c) => c && !c.auto).map((c) => c.args) : w.eS && Array.isArray(w.eS.q) ? w.eS.q.map(unwrap) : [];
  // Each part on its own: a page config that cannot be copied must not hide the events.
  return {
    running: !!(y && !Array.isArray(y) && typeof y.track === 'function'),
    version: String((y && y.version) || w.yespoAutotrack || ''),
    inspection: plain(inspection) || undefined,
    calls: plain(calls) || [],
    sent: plain(w.__auditEvents) || [],
    cfg: plain(w.__auditCfg),
    config: plain(w.yespoConfig),
    scriptIdAttr: !!document.querySelector('script[data-yespo-script-id],script[data-yespo-site-id]'),
    links: Array.from(document.links, (a) => a.href).filter((h) => h.startsWith(location.origin + '/')),
  };
}

/**
 * A page that waits for consent: accepts as the visitor would. Google Consent Mode denying
 * analytics_storage (a cookie banner's default) is accepted through it, as the banner would.
 * @returns {false | 'google' | 'config'}
 */
export function grantConsent() {
  const w = /** @type {any} */ (window);
  const y = w.yespo;
  if (!y || typeof y.consent !== 'function') return false;
  const insp = typeof y.inspect === 'function' ? y.inspect() : undefined;
  const cfg = (insp && insp.config) || w.yespoConfig || {};
  if (insp && insp.google === 'denied') {
    // gtag pushes its `arguments` object, and Consent Mode reads only that shape.
    const gtag = /** @type {(...a: unknown[]) => void} */ (
      function () {
        // eslint-disable-next-line prefer-rest-params
        w[typeof cfg.dataLayer === 'string' ? cfg.dataLayer : 'dataLayer'].push(arguments);
      }
    );
    gtag('consent', 'update', { analytics_storage: 'granted' });
    return 'google';
  }
  if (cfg.consent !== 'pending' || (insp && insp.consent === 'granted')) return false;
  y.consent('granted');
  return 'config';
}

/** Has the tracker started observing recommendation items (or is there nothing to wait for)? */
export function impressionsReady() {
  const y = /** @type {any} */ (window).yespo;
  const insp = y && typeof y.inspect === 'function' && y.inspect();
  const selector = insp && insp.config && insp.config.impressions && insp.config.impressions.blockSelector;
  try {
    return !selector || !document.querySelector(selector) || typeof y.stats !== 'function' || y.stats().observed > 0;
  } catch {
    return true;
  }
}

/** The impressions settings the tracker runs with (from its inspection), and whether it observes items. */
export function impressionSettings() {
  const y = /** @type {any} */ (window).yespo;
  /** @type {any} */
  let insp;
  let observed = 1;
  try {
    insp = typeof y.inspect === 'function' ? y.inspect() : undefined;
    observed = typeof y.stats === 'function' ? y.stats().observed : 1;
  } catch {
    /* no stats: scroll anyway */
  }
  const o = (insp && insp.config && insp.config.impressions) || {};
  /** @type {(v: unknown, d: number) => number} */
  const ms = (v, d) => (typeof v === 'number' && v >= 0 ? Math.min(v, 5000) : d);
  return { blockSelector: typeof o.blockSelector === 'string' ? o.blockSelector : '', minVisibleMs: ms(o.minVisibleMs, 0), flushMs: ms(o.flushMs, 0), observed };
}
