// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The chunk files as the test's network: each load waits until the test says how it went.
vi.mock('../../src/chunks/need', async (actual) => (await import('../support/chunkNetwork')).withHeldChunks(await actual<object>()));
const { arrive, loads } = await import('../support/chunkNetwork');

const { modules } = await import('../../src/chunks/modules');
const { createLog } = await import('../../src/lib/log');
const { lazyRoutes, whenRouted } = await import('../../src/watch/lazyRoutes');

const bundled = modules.routes;
const tick = () => new Promise((r) => setTimeout(r, 0));

/** What the page views do, recorded: PageView at a route's begin, a read at its settle. */
function context() {
  const did: string[] = [];
  const c = {
    reader: { newView: () => did.push('new view'), scan: () => did.push('read') },
    send: (o: unknown[]) => did.push(String(o[0])),
    summary: () => {},
    started: () => undefined,
  };
  return { did, c: c as unknown as Parameters<typeof lazyRoutes>[0] };
}

beforeEach(() => void (loads.length = 0));
afterEach(() => {
  modules.routes = bundled;
});

describe('SPA page views', () => {
  it('builds with the routes bundled in follow a route at once', () => {
    const { did, c } = context();
    const pv = lazyRoutes(c, createLog(false));
    pv.route.now();
    expect(did).toEqual(['new view', 'PageView', 'read']);
    expect(pv.views()).toBe(2);
    expect(loads).toEqual([]);
  });

  it('the core file: a route change waits for the chunk, unsettled meanwhile; then its calls run in order', async () => {
    modules.routes = undefined;
    const { did, c } = context();
    const pv = whenRouted(c, createLog(false));
    expect(pv.route.unsettled()).toBe(false);
    pv.route.change();
    pv.route.now();
    expect(did).toEqual([]);
    expect(pv.route.unsettled()).toBe(true);
    expect(pv.views()).toBe(1);
    expect(loads).toEqual(['routes']);
    modules.routes = bundled;
    arrive(true);
    await tick();
    // change() began the view; now() read it at once, without a second PageView.
    expect(did).toEqual(['new view', 'PageView', 'read']);
    expect(pv.route.unsettled()).toBe(false);
    expect(pv.views()).toBe(2);
    pv.route.change();
    expect(did.slice(3)).toEqual(['new view', 'PageView']);
    expect(pv.route.unsettled()).toBe(true);
    pv.route.stop();
    expect(loads).toEqual(['routes']);
  });

  it('the core file without its routes chunk: no page views, and nothing held back by an unsettled route', async () => {
    modules.routes = undefined;
    const { did, c } = context();
    const pv = whenRouted(c, createLog(false));
    pv.route.change();
    arrive(false);
    await tick();
    expect(did).toEqual([]);
    expect(pv.route.unsettled()).toBe(false);
    expect(() => (pv.route.touched(), pv.route.stop())).not.toThrow();
  });
});
