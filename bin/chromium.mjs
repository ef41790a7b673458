// @ts-check
// Shared by the audit command, the Playwright config, the e2e support and the benchmark: where
// Chromium is, how it must be started here, and the stand-in for Yespo's eS script.
import { existsSync } from 'node:fs';

/** Headless Chromium on a closed network needs these (background services would reach out). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else undefined (Playwright's own browser). */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Stands in for Yespo's CDN script: records every eS call in `window.__esCalls` instead of sending it. */
export const ES_RECORDER = `(() => {
  const calls = (window.__esCalls = window.__esCalls || []);
  const old = window.eS;
  const rec = (args) => calls.push({ args, at: Date.now() });
  const unwrap = (e) => { const a = Array.from(e); return a.length === 1 && Object.prototype.toString.call(a[0]) === '[object Arguments]' ? Array.from(a[0]) : a; };
  (old && old.q ? old.q : []).forEach((e) => rec(unwrap(e)));
  window.eS = function () { rec(Array.from(arguments)); };
  window.__esLoads = (window.__esLoads || 0) + 1;
})();`;
