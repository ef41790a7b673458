import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readJson } from '../../src/lib/json';

const read = (s: string) => {
  const why: string[] = [];
  return { v: readJson(s, (w) => why.push(w)), why };
};

describe('readJson', () => {
  it('parses valid JSON as JSON.parse does, with nothing to report', () => {
    const { v, why } = read('{"a":[1,2.5,"x",true,null],"b":{"c":"d"}}');
    expect(v).toEqual({ a: [1, 2.5, 'x', true, null], b: { c: 'd' } });
    expect(why).toEqual([]);
  });

  it.each([
    ['trailing commas', '{"a":[1,2,],"b":3,}', { a: [1, 2], b: 3 }],
    ['doubled commas (PrestaShop conditional commas)', '{"a":1, ,"b":2}', { a: 1, b: 2 }],
    ['leading-zero numbers kept as strings', '{"sku":00123,"n":-007,"ok":0.5}', { sku: '00123', n: '-007', ok: 0.5 }],
    ['raw new lines and tabs inside strings', '{"d":"a\nb\tc"}', { d: 'a b c' }],
    ['needless escapes such as PHP\'s \\\'', '{"n":"Men\\\'s \\"tee\\""}', { n: 'Men\'s "tee"' }],
    ['an HTML comment wrapper and a trailing ;', '<!--\n{"a":1};\n-->', { a: 1 }],
    ['a CDATA guard in JavaScript comments', '//<![CDATA[\n{"a":1}\n//]]>', { a: 1 }],
    ['a CDATA guard in block comments', '/*<![CDATA[*/{"a":1}/*]]>*/', { a: 1 }],
    ['line and block comments', '{"a":1, // one\n/* two */ "b":"http://x/y"}', { a: 1, b: 'http://x/y' }],
    ['a byte order mark and stray control characters', '\ufeff{"a":\u00011}', { a: 1 }],
  ])('repairs %s', (_, input, out) => {
    const { v, why } = read(input);
    expect(v).toEqual(out);
    expect(why).toHaveLength(1);
    expect(why[0]).toMatch(/^broken JSON repaired \(/);
  });

  it.each([
    ['an unescaped quote', '{"name": "Peak "Outdoor" Outfitters"}'],
    ['half a document', '{"a": [1, 2'],
    ['an empty block', '   '],
    ['JavaScript', 'window.x = {a: 1}'],
  ])('gives up on %s and says why', (_, input) => {
    const { v, why } = read(input);
    expect(v).toBeUndefined();
    expect(why).toHaveLength(1);
    expect(why[0]).toMatch(/^cannot be read \(.+\)$/);
  });

  it('stays fast on 200 KB of input built to make a string-matching repair backtrack', () => {
    for (const evil of ['"' + '\\"'.repeat(100_000) + '\\', '/*'.repeat(100_000), ', '.repeat(100_000) + 'x', '"a' + '\n'.repeat(200_000)]) {
      const t = Date.now();
      expect(readJson(evil)).toBeUndefined();
      expect(Date.now() - t).toBeLessThan(2000);
    }
  });

  it('leaves strings alone in valid JSON, whatever they contain', () => {
    expect(readJson('{"u":"http://a/b//c","s":";,]}-->"}')).toEqual({ u: 'http://a/b//c', s: ';,]}-->' });
  });

  it.each([
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['Men&#039;s', "Men's"],
    ['Men&#39;s &#x27;tee&#X27;', "Men's 'tee'"],
    ['?c&#x3D;1', '?c=1'],
    ['&quot;x&quot; &lt;b&gt; &apos;', '"x" <b> \''],
    ['&nbsp;&#99999999999;&#xZZ;', '&nbsp;&#99999999999;&#xZZ;'],
  ])('decodes HTML entities in strings: %j', (input, out) => {
    expect(readJson(JSON.stringify({ s: input, a: [input] }))).toEqual({ s: out, a: [out] });
  });

  it('drops __proto__, constructor and prototype keys at any depth', () => {
    const v = readJson('{"__proto__":{"polluted":1},"a":{"constructor":{"prototype":{"x":1}},"prototype":2,"b":1}}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['a']);
    expect(v.a).toEqual({ b: 1 });
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws, never touches Object.prototype, for any string', () => {
    const hostile = fc.constantFrom(
      '{"__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      '[{"a":00,"__proto__":[]},]',
      '"\\u0000&#0;&#x110000;"',
      '{"a":"' + 'x'.repeat(5000) + '"',
      '/*' + '/*'.repeat(2000),
      '"' + '\\"'.repeat(2000),
      '['.repeat(5000),
    );
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), hostile, fc.tuple(fc.json(), fc.string()).map(([a, b]) => a + b));
    fc.assert(
      fc.property(text, (s) => {
        readJson(s);
        readJson(s, () => {});
        return Object.keys(Object.prototype).length === 0 && ({} as Record<string, unknown>).polluted === undefined;
      }),
      { numRuns: 1000, seed: 31 },
    );
  }, 60_000);

  it('reads any JSON value back unchanged when it has no entities or unsafe keys', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const s = JSON.stringify(value);
        fc.pre(!/&|"(__proto__|constructor|prototype)"/.test(s));
        expect(readJson(s)).toEqual(JSON.parse(s));
      }),
      { numRuns: 500, seed: 5 },
    );
  }, 60_000);
});
