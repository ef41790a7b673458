// @ts-check
// The floor: the least any tracker reading these pages must do, generated from the tracker's own
// list of attributes so that it follows the tracker when the list changes. Served as /t/floor.js
// and loaded exactly as the bundle is (the same config line, then `<script async src>`).
import { TRACKED_SELECTOR } from '../dist/index.js';

/** Recommendation items: the floor observes each one, as any impression tracker must. */
export const REC_ITEM = '[data-yespo-rec-item]';
export const JSONLD = 'script[type="application/ld+json"]';

/** The one selector of the floor's one `querySelectorAll`: the tracked attributes, the items and JSON-LD. */
export const FLOOR_SELECTOR = [TRACKED_SELECTOR, REC_ITEM, JSONLD].join(',');

/**
 * The floor's source: one `querySelectorAll`; `JSON.parse` of each JSON-LD block; one
 * IntersectionObserver observing every recommendation item; one `localStorage.getItem`; one
 * `pagehide` listener; one insert of the eS loader `<script>` (the URL the tracker loads for the
 * same config). Errors are caught as the tracker catches them; nothing is sent.
 * @returns {string}
 */
export function floorSource() {
  return `(function () {
  var cfg = window.yespoConfig || {};
  var found = document.querySelectorAll(${JSON.stringify(FLOOR_SELECTOR)});
  var io = typeof IntersectionObserver === 'function' ? new IntersectionObserver(function () {}, { threshold: 0.5 }) : null;
  var data = [];
  for (var i = 0; i < found.length; i++) {
    var el = found[i];
    if (el.tagName === 'SCRIPT') {
      try { data.push(JSON.parse(el.textContent)); } catch (e) {}
    } else if (io && el.hasAttribute('data-yespo-rec-item')) io.observe(el);
  }
  var stored = null;
  try { stored = localStorage.getItem('yespo-floor'); } catch (e) {}
  addEventListener('pagehide', function () {});
  var s = document.createElement('script');
  s.async = true;
  s.src = 'https://cdn.esputnik.com/scripts/' + cfg.scriptId + '.js';
  (document.body || document.head).appendChild(s);
  window.__floor = { elements: found.length, jsonld: data.length, stored: stored };
})();
`;
}
