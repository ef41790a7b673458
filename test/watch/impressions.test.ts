// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkConfig } from '../../src/config';
import { createImpressions, type Impression } from '../../src/watch/impressions';

/** jsdom has no IntersectionObserver: this one is driven by hand. */
class FakeIO {
  static last: FakeIO;
  observed = new Set<Element>();
  constructor(public cb: IntersectionObserverCallback, public opts: IntersectionObserverInit) {
    FakeIO.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  /** Reports `ratio` of each element visible in a 1000×800 viewport (elements 200×200). */
  show(els: Element[], ratio: number, size = { w: 200, h: 200 }) {
    const vp = { width: 1000, height: 800 } as DOMRectReadOnly;
    this.cb(
      els.map(
        (target) =>
          ({
            target,
            isIntersecting: ratio > 0,
            intersectionRatio: ratio,
            intersectionRect: { width: size.w, height: size.h * ratio } as DOMRectReadOnly,
            rootBounds: vp,
          }) as unknown as IntersectionObserverEntry,
      ),
      this as unknown as IntersectionObserver,
    );
  }
}

const opts = checkConfig({ scriptId: '1' }).config!.impressions;
let sent: Impression[][];
let problems: string[];

function setup(html: string, o = opts) {
  document.body.innerHTML = html;
  const imp = createImpressions(o, (l) => sent.push(l), (_c, m) => problems.push(m));
  imp.add(document);
  return { imp, io: FakeIO.last, items: Array.from(document.querySelectorAll('[data-yespo-rec-item]')) };
}

const block = (ct: string, ids: string[]) =>
  `<section data-yespo-recs="${ct}">${ids.map((id) => `<div data-yespo-rec-item="${id}"></div>`).join('')}</section>`;

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', FakeIO);
  sent = [];
  problems = [];
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('impressions', () => {
  it('observes every item of every block with one observer, at the configured threshold', () => {
    const { io } = setup(block('A', ['1', '2']) + block('B', ['3']));
    expect(io.observed.size).toBe(3);
    expect(io.opts.threshold).toContain(0.5);
  });

  it('a glance shorter than minVisibleMs is not an impression', () => {
    const { io, items } = setup(block('A', ['1']));
    io.show(items, 1);
    vi.advanceTimersByTime(300);
    io.show(items, 0);
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual([]);
  });

  it('visible time adds up across scrolls; everything seen within flushMs goes in one call', () => {
    const { io, items } = setup(block('A', ['1', '2']) + block('B', ['3']));
    io.show([items[0]], 0.6);
    vi.advanceTimersByTime(600);
    io.show([items[0]], 0);
    vi.advanceTimersByTime(2000);
    io.show([items[0], items[2]], 1);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([
      [
        { product_id: '1', container_type: 'A' },
        { product_id: '3', container_type: 'B' },
      ],
    ]);
  });

  it('less than the threshold visible does not count, unless a tall item covers that share of the viewport', () => {
    const { io, items } = setup(block('A', ['1', '2']));
    io.show([items[0]], 0.4);
    io.show([items[1]], 0.3, { w: 1000, h: 2000 });
    vi.advanceTimersByTime(3000);
    expect(sent).toEqual([[{ product_id: '2', container_type: 'A' }]]);
  });

  it('the clock pauses while the tab is hidden, and a pending batch is sent on hide', () => {
    const { io, items } = setup(block('A', ['1', '2']));
    let state = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    io.show([items[0]], 1);
    vi.advanceTimersByTime(1000);
    io.show([items[1]], 1);
    vi.advanceTimersByTime(500);
    state = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sent).toEqual([[{ product_id: '1', container_type: 'A' }]]);
    vi.advanceTimersByTime(10_000);
    expect(sent).toHaveLength(1);
    state = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(499);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1001);
    expect(sent[1]).toEqual([{ product_id: '2', container_type: 'A' }]);
  });

  it('each (container, product) once per page view; again after reset', () => {
    const { imp, io, items } = setup(block('A', ['1', '1']));
    io.show(items, 1);
    vi.advanceTimersByTime(2000);
    expect(sent).toEqual([[{ product_id: '1', container_type: 'A' }]]);
    expect(io.observed.size).toBe(0);
    imp.reset();
    const io2 = FakeIO.last;
    io2.show(items, 1);
    vi.advanceTimersByTime(2000);
    expect(sent).toHaveLength(2);
  });

  it('sweep lets go of removed items; late items are added', () => {
    const { imp, io } = setup(block('A', ['1', '2']));
    document.querySelector('[data-yespo-rec-item="1"]')!.remove();
    imp.sweep();
    expect(io.observed.size).toBe(1);
    document.body.insertAdjacentHTML('beforeend', block('C', ['9']));
    imp.add(document.body.lastElementChild!);
    expect(imp.size()).toBe(2);
  });

  it('container type falls back to sc_content in the item link; missing ids are reported', () => {
    setup(
      `<div data-yespo-recs><div data-yespo-rec-item="7"><a href="/p/7?sc_content=1253_r963v1317">x</a></div></div>
       <div data-yespo-recs><div data-yespo-rec-item="8"></div></div><div data-yespo-recs="Z"><div data-yespo-rec-item=""></div></div>`,
    );
    expect(problems).toEqual([
      '<div data-yespo-recs>: recommendation block without a container type (data-yespo-recs or sc_content in its links)',
      '<div data-yespo-rec-item>: recommendation item without a product id (data-yespo-rec-item)',
    ]);
  });

  it('configurable selectors track a widget without data-yespo markup', () => {
    const o = { ...opts, blockSelector: '.rec-widget', itemSelector: '.rec-widget .card', productAttr: 'data-pid', containerAttr: 'data-block' };
    const { io } = setup('<div class="rec-widget" data-block="55_r1v2"><div class="card" data-pid="P9"></div></div>', o);
    io.show(Array.from(io.observed), 1);
    vi.advanceTimersByTime(2000);
    expect(sent).toEqual([[{ product_id: 'P9', container_type: '55_r1v2' }]]);
  });

  it('an invalid selector is reported, not thrown', () => {
    setup('<div></div>', { ...opts, itemSelector: '[[bad' });
    expect(problems).toEqual(['impressions: "[[bad" is not a valid selector']);
  });
});
