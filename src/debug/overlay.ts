import type { Inspection } from '../types/model';
import { guard } from '../lib/guard';

/** Everything tracked on a page that a person may want outlined. */
const TRACKED =
  '[data-yespo-page],[data-yespo-product],[data-yespo-category],[data-yespo-cart],[data-yespo-cart-item],[data-yespo-order],' +
  '[data-yespo-order-item],[data-yespo-customer],[data-yespo-customer-form],[data-yespo-wishlist],[data-yespo-search],' +
  '[data-yespo-results],[data-yespo-recs],[data-yespo-rec-item],[data-yespo-add-to-cart],[itemtype*="schema.org/Product"]';

const CSS = `
:host { all: initial; }
.panel { position: fixed; left: 12px; bottom: 12px; z-index: 2147483001; width: min(420px, 45vw); max-height: 50vh;
  display: flex; flex-direction: column; font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; color: #111827;
  background: #fffbeb; border: 1px solid #f59e0b; border-radius: 8px; box-shadow: 0 6px 24px rgb(0 0 0 / .2); }
.panel.closed .body { display: none; }
header { display: flex; gap: 8px; align-items: center; padding: 6px 8px; background: #fde68a; border-radius: 8px 8px 0 0; }
header b { flex: 1; }
button { font: inherit; cursor: pointer; border: 1px solid #b45309; background: #fff; border-radius: 4px; padding: 1px 6px; }
.body { overflow: auto; padding: 6px 8px; }
h4 { margin: 8px 0 2px; font-size: 11px; text-transform: uppercase; color: #92400e; }
pre { margin: 0; white-space: pre-wrap; word-break: break-all; }
.problem { color: #b91c1c; }
.box { position: absolute; z-index: 2147483000; pointer-events: none; outline: 2px dashed #f59e0b; background: rgb(245 158 11 / .08); }
.box span { position: absolute; top: -16px; left: 0; background: #f59e0b; color: #111; font: 10px/14px ui-monospace, monospace; padding: 0 3px; white-space: nowrap; }
`;

const label = (el: Element) => {
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i];
    if (a.name.indexOf('data-yespo-') === 0) return a.name.slice(11) + (a.value ? '=' + a.value.slice(0, 30) : '');
  }
  return 'schema.org Product';
};

/** A titled block of text in the panel. */
function section(body: Element, title: string, text: string, cls = '') {
  const h = document.createElement('h4');
  h.textContent = title;
  const p = document.createElement('pre');
  p.textContent = text;
  if (cls) p.className = cls;
  body.append(h, p);
}

/** Boxes over every tracked element on screen (the first 500). */
function outline(boxes: Element) {
  boxes.textContent = '';
  const els = document.querySelectorAll(TRACKED);
  for (let i = 0; i < els.length && i < 500; i++) {
    const r = els[i].getBoundingClientRect();
    if (!r.width && !r.height) continue;
    const b = document.createElement('div');
    b.className = 'box';
    b.style.cssText = `left:${r.left + scrollX}px;top:${r.top + scrollY}px;width:${r.width}px;height:${r.height}px`;
    const s = document.createElement('span');
    s.textContent = label(els[i]);
    b.appendChild(s);
    boxes.appendChild(b);
  }
}

/** The panel's text: the page type, each fact with its source, the platform cart, the events, the problems. */
function fill(body: Element, x: Inspection) {
  const m = x.page;
  section(body, 'page', m ? `${m.type}  (from ${m.typeFrom})` : 'not read yet');
  if (m)
    for (const k of ['product', 'category', 'search', 'cart', 'order', 'customer'] as const)
      if (m[k] !== undefined) section(body, `${k}  ← ${m.from[k] || 'data-yespo-*'}`, JSON.stringify(m[k], null, 1));
  if (x.cart) section(body, `platform cart  ← ${x.cart.from}`, JSON.stringify(x.cart.items, null, 1));
  section(body, `events (${x.events.length})`, x.events.map((e) => e.name + (e.payload ? ' ' + JSON.stringify(e.payload) : '')).join('\n') || 'none yet');
  if (x.problems.length) section(body, `problems (${x.problems.length})`, x.problems.map((p) => `${p.level} ${p.code}: ${p.message}`).join('\n'), 'problem');
}

/**
 * The debug overlay: a panel (in a shadow root, so neither side's styles leak) listing the page
 * type, the facts read with their sources, the events sent and the problems found; "Outline"
 * draws boxes over every tracked element. Only in the debug build.
 */
export function showOverlay(inspect: () => Inspection | undefined): () => void {
  const host = document.createElement('yespo-debug');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>${CSS}</style><div class="panel"><header><b>yespo-autotrack debug</b>
    <button data-a="outline">Outline</button><button data-a="toggle">Hide</button></header><div class="body"></div></div><div class="boxes"></div>`;
  const panel = root.querySelector('.panel')!;
  const body = root.querySelector('.body')!;
  const boxes = root.querySelector('.boxes')!;
  let outlined = false;
  const render = guard(() => {
    const x = inspect();
    body.textContent = '';
    if (x) fill(body, x);
    if (outlined) outline(boxes);
  }, 'overlay');
  root.addEventListener(
    'click',
    guard((e: Event) => {
      const a = (e.target as Element).getAttribute && (e.target as Element).getAttribute('data-a');
      if (a === 'toggle') {
        panel.classList.toggle('closed');
        (e.target as HTMLElement).textContent = panel.classList.contains('closed') ? 'Show' : 'Hide';
      } else if (a === 'outline') {
        outlined = !outlined;
        outlined ? outline(boxes) : (boxes.textContent = '');
      }
    }, 'overlay click'),
  );
  const onEvent = () => setTimeout(render, 0);
  window.addEventListener('yespo:event', onEvent);
  document.documentElement.appendChild(host);
  render();
  const timer = setInterval(render, 2000);
  return () => {
    clearInterval(timer);
    window.removeEventListener('yespo:event', onEvent);
    host.remove();
  };
}
