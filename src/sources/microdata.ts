import type { Evidence, SourceOptions } from '../types/evidence';
import { crumbName, isA, lastCrumb, mainProduct, noted, pageOf, PRODUCT, type Candidate, type Entity, type Notes } from './schemaOrg';

/** Most elements looked at on one page. */
const MAX_ELEMENTS = 50_000;

const typed = (el: Element): Entity => ({ '@type': (el.getAttribute('itemtype') || '').split(/\s+/) });

/**
 * An itemprop's value: `content` first (so `<meta itemprop=price content=1299>` beats a visible
 * "$1,299.00", wherever each sits), then href / src, then the text.
 */
const value = (p: Element) => {
  for (const a of ['content', 'href', 'src']) if (p.hasAttribute(a)) return p.getAttribute(a);
  return p.textContent;
};

/**
 * Microdata Products as schema.org entities. Only a Product that is not a property of another
 * item is a candidate for the page's product (one inside an ItemList, an Offer or a sidebar is not),
 * except inside a WebPage; `itemprop=mainEntity` names it the page's main entity.
 */
export function readMicrodata(doc: Document, opts: SourceOptions, scopes?: ArrayLike<Element>): Evidence {
  const ev: Evidence = { source: 'microdata' };
  try {
    let budget = MAX_ELEMENTS;
    // Each element is looked at once: the walk stops at nested items, which read their own subtree.
    const props = (el: Element, out: Element[]): Element[] => {
      for (let c = el.firstElementChild; c && --budget > 0; c = c.nextElementSibling) {
        if (c.hasAttribute('itemprop')) out.push(c);
        if (!c.hasAttribute('itemscope')) props(c, out);
      }
      return out;
    };
    const item = (el: Element): Entity => {
      // A null prototype: itemprop="__proto__" stays a plain key.
      const o: Entity = Object.create(null);
      o['@type'] = typed(el)['@type'];
      const id = el.getAttribute('itemid');
      if (id) o['@id'] = id;
      const found = props(el, []).sort((a, b) => +!a.hasAttribute('content') - +!b.hasAttribute('content'));
      for (const p of found) {
        const v = p.hasAttribute('itemscope') ? [item(p)] : value(p);
        for (const name of (p.getAttribute('itemprop') || '').split(/\s+/)) {
          const prev = o[name];
          if (Array.isArray(v)) o[name] = Array.isArray(prev) ? prev.concat(v) : v;
          else if (name && prev === undefined) o[name] = v;
        }
      }
      return o;
    };
    // Items that are nobody's property, found by the browser's selector engine (a JS walk of a
    // 60,000-element page costs ~20 ms), or in `scopes` (a walk shared with the attribute reader): only WebPage items (WordPress themes wrap the page in one)
    // may stand between such an item and the document.
    const tops = (out: Element[]): Element[] => {
      const all = scopes || doc.querySelectorAll('[itemscope]');
      for (let i = 0; i < all.length && --budget > 0; i++) {
        if (!all[i].hasAttribute('itemscope')) continue;
        let up = all[i].parentElement && all[i].parentElement!.closest('[itemscope]');
        while (up && isA(typed(up), /Page$/)) up = up.parentElement && up.parentElement.closest('[itemscope]');
        if (!up && !isA(typed(all[i]), /Page$/)) out.push(all[i]);
      }
      return out;
    };
    const top = tops([]);
    const trail = top.filter((el) => isA(typed(el), /^BreadcrumbList$/)).pop();
    const crumb = trail && crumbName(lastCrumb(item(trail)));
    if (crumb) ev.crumb = crumb;
    const cands: Candidate[] = top
      .filter((el) => isA(typed(el), PRODUCT))
      .map((el) => ({ e: item(el), main: /\bmainEntity\b/.test(el.getAttribute('itemprop') || '') }));
    const n: Notes = [];
    const product = mainProduct(cands, pageOf(doc, opts.url), opts, undefined, '', n);
    if (product) (ev.pageType = 'product'), (ev.product = product), noted(ev, n);
  } catch (e) {
    __DEBUG__ && opts.problem('source-failed', 'microdata: ' + e);
  }
  return ev;
}
