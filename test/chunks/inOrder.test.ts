// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The chunk files as the test's network: each load waits until the test says how it went.
vi.mock('../../src/chunks/need', async (actual) => (await import('../support/chunkNetwork')).withHeldChunks(await actual<object>()));
const { arrive, loads } = await import('../support/chunkNetwork');

const { modules } = await import('../../src/chunks/modules');
const { inOrder, ordered } = await import('../../src/chunks/inOrder');
const { createLog } = await import('../../src/lib/log');

const bundled = modules.visitor;
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  loads.length = 0;
  localStorage.clear();
  sessionStorage.clear();
  document.body.innerHTML = '';
});
afterEach(() => void (modules.visitor = bundled));

describe('inOrder: calls that need a chunk, in order with the sends around them', () => {
  it('where the chunk is bundled in, everything runs at once', () => {
    const ran: string[] = [];
    const o = inOrder('visitor', createLog(false));
    o.need(() => ran.push('identify'));
    o.after(() => ran.push('send'));
    expect(ran).toEqual(['identify', 'send']);
    expect(loads).toEqual([]);
  });

  it('while the chunk loads, what comes after waits behind the call that needs it, then all of it runs in order', async () => {
    modules.visitor = undefined;
    const ran: string[] = [];
    const o = inOrder('visitor', createLog(false));
    o.need(() => ran.push('identify 1'));
    o.after(() => ran.push('send 1'));
    o.need(() => ran.push('identify 2'));
    o.after(() => ran.push('send 2'));
    expect(ran).toEqual([]);
    expect(loads).toEqual(['visitor']);
    modules.visitor = bundled;
    arrive(true);
    await tick();
    expect(ran).toEqual(['identify 1', 'send 1', 'identify 2', 'send 2']);
    o.after(() => ran.push('send 3'));
    expect(ran.at(-1)).toBe('send 3');
  });

  it('a chunk that cannot be had holds nothing back, and is not asked for again', async () => {
    modules.visitor = undefined;
    const ran: string[] = [];
    const o = inOrder('visitor', createLog(false));
    o.need(() => ran.push('identify'));
    o.after(() => ran.push('send'));
    arrive(false);
    await tick();
    expect(ran).toEqual(['identify', 'send']);
    o.need(() => ran.push('identify again'));
    expect(ran.at(-1)).toBe('identify again');
    expect(loads).toEqual(['visitor']);
  });

  it('a call that throws does not keep the ones behind it from running', async () => {
    modules.visitor = undefined;
    const ran: string[] = [];
    const o = inOrder('visitor', createLog(false));
    o.need(() => {
      throw new Error('boom');
    });
    o.after(() => ran.push('send'));
    modules.visitor = bundled;
    arrive(true);
    await tick();
    expect(ran).toEqual(['send']);
  });
});

describe('the core file\'s send and identify, with its visitor chunk not yet in', () => {
  const harness = () => {
    const out: unknown[] = [];
    const learnt: unknown[] = [];
    const o = ordered(
      (e) => out.push(e[0]),
      (raw) => (learnt.push(raw), modules.visitor ? ['CustomerData', { CustomerData: raw as Record<string, unknown> }] : undefined),
      createLog(false),
    );
    return { o, out, learnt };
  };

  it('an identify at start (config user): nothing goes out until the chunk is in, then CustomerData first and the page\'s events after it', async () => {
    modules.visitor = undefined;
    const { o, out, learnt } = harness();
    o.identify({ email: 'ann@example.com' }, 'config');
    o.send(['ProductPage', { ProductPage: { productKey: 'P-1' } }]);
    o.send(undefined);
    expect(out).toEqual([]);
    expect(learnt).toEqual([]);
    modules.visitor = bundled;
    arrive(true);
    await tick();
    expect(out).toEqual(['CustomerData', 'ProductPage']);
    o.send(['CategoryPage', { CategoryPage: { categoryKey: 'bags' } }]);
    expect(out.at(-1)).toBe('CategoryPage');
    expect(loads).toEqual(['visitor']);
  });

  it('an anonymous visitor: events go out at once and no chunk is asked for', () => {
    modules.visitor = undefined;
    const { o, out } = harness();
    o.send(['MainPage']);
    expect(out).toEqual(['MainPage']);
    expect(loads).toEqual([]);
  });
});
