import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { serialize } from '../../src/lib/serialize';

type Hooks = { restore(): void };

/** Prototype.js 1.6's serialisers (the e2e fixture, evaluated here), and a way to take them out again. */
function prototype16(): Hooks {
  const targets = [Object, Array.prototype, String.prototype, Number.prototype, Date.prototype] as unknown as Array<Record<string, unknown>>;
  const names = ['toJSON', 'keys', 'inspect'];
  const saved = targets.map((t) => names.map((n) => Object.getOwnPropertyDescriptor(t, n)));
  new Function(readFileSync(new URL('../../e2e/fixtures/libs/prototype-1.6-json.js', import.meta.url), 'utf8'))();
  (Object.prototype as Record<string, unknown>).leaked = 'from the page';
  return {
    restore() {
      delete (Object.prototype as Record<string, unknown>).leaked;
      targets.forEach((t, i) => names.forEach((n, j) => (delete t[n], saved[i][j] && Object.defineProperty(t, n, saved[i][j]!))));
    },
  };
}

let hooks: Hooks | undefined;
afterEach(() => hooks && (hooks.restore(), (hooks = undefined)));

// Plain JSON values, with the keys our payloads never use but a page might (`__proto__` included).
const json = fc.jsonValue({ maxDepth: 4 });

describe('serialize', () => {
  it('is JSON.stringify for plain JSON values', () => {
    fc.assert(fc.property(json, (v) => serialize(v) === JSON.stringify(v)), { numRuns: 1000 });
  });

  it('drops undefined and functions as JSON.stringify does, and writes non-finite numbers as null', () => {
    const v = { a: undefined, b: () => 1, c: [undefined, () => 1, NaN, -0, Infinity], d: 'x' };
    expect(serialize(v)).toBe(JSON.stringify(v));
    expect(serialize(undefined)).toBe(undefined);
  });

  it('with Prototype 1.6 hooks installed still writes what it writes without them', () => {
    const samples = fc.sample(json, 300);
    const clean = samples.map(serialize);
    // Results are taken while the hooks are in, compared once they are out (the test runner's own
    // printing trips over an enumerable Object.prototype key).
    hooks = prototype16();
    const native = JSON.stringify({ Products: [{ id: 'A' }] });
    const hooked = samples.map(serialize);
    const body = serialize({ Products: [{ product_id: 'A', quantity: 1 }], n: { a: 1 } });
    hooks.restore();
    hooks = undefined;
    // The hooks do to JSON.stringify what they did to shops: an array becomes a string, and the
    // inherited key comes along.
    expect(JSON.parse(native).Products).toBe('[{"id": "A", "leaked": "from the page"}]');
    expect(hooked).toEqual(clean);
    expect(body).toBe('{"Products":[{"product_id":"A","quantity":1}],"n":{"a":1}}');
  });

  it('writes own keys only: an enumerable Object.prototype key does not leak in', () => {
    hooks = prototype16();
    const out = serialize({ a: 1, b: [{ c: 'x' }] });
    const native = JSON.stringify({ a: 1 });
    hooks.restore();
    hooks = undefined;
    expect(out).toBe('{"a":1,"b":[{"c":"x"}]}');
    expect(native).toBe('{"a":1}');
  });
});
