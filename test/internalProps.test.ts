import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERNAL_PROPS, MANGLED } from '../variants.mjs';
import { OPTIONS } from '../src/config/options';

// The names the minified files rename (variants.mjs): renaming one that a page, a payload, the
// config or the API spells out, or that the code reads through a string, would break that.
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
const SRC = files('src').map((f) => [f, readFileSync(f, 'utf8')] as const);
const word = (n: string) => new RegExp(`\\b${n}\\b`);

describe('internal property names', () => {
  it('are renamed with the `_` fields, and nothing else is', () => {
    for (const n of INTERNAL_PROPS) expect(MANGLED.test(n), n).toBe(true);
    expect(MANGLED.test('_x')).toBe(true);
    for (const n of ['productKey', 'GeneralInfo', 'views', 'observed', 'push', 'scan', 'page', 'track', 'identify', 'setCart', 'consent', 'debug', 'stats', 'inspect', 'version']) expect(MANGLED.test(n), n).toBe(false);
  });

  it('are no config option, nor any part of one', () => {
    const parts = OPTIONS.flatMap((o) => o[0].split('.'));
    for (const n of INTERNAL_PROPS) expect(parts, n).not.toContain(n);
  });

  it('are no name of the window.yespo API (its methods or what they return), nor of an event payload', () => {
    const api = readFileSync('src/api.ts', 'utf8');
    const schemas = files('src/schema').map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const n of INTERNAL_PROPS) {
      expect(word(n).test(api), `${n} in src/api.ts`).toBe(false);
      expect(new RegExp(`\\b${n}\\s*:`).test(schemas), `${n} as a key in src/schema`).toBe(false);
    }
  });

  /** Quoted, but not a property: the overlay's CSS class, OpenCart's `?route=` URL parameter. */
  const NOT_PROPS = ["src/debug/overlay.ts 'problem'", "src/sources/platforms/opencart.ts 'route'"];

  it('are never read through a string (a quoted name outside comments and types)', () => {
    const found: string[] = [];
    for (const [file, text] of SRC)
      text.split('\n').forEach((line, i) => {
        if (/^\s*(\*|\/\/|\/\*)|\b(Pick|Omit|keyof)\b|^\s*(export )?(type|interface) /.test(line)) return;
        const code = line.replace(/\b[A-Z]\w*\[['"]\w+['"]\]/g, '');
        for (const n of INTERNAL_PROPS)
          for (const m of code.match(new RegExp(`['"\`]${n}['"\`]`, 'g')) || []) if (!NOT_PROPS.includes(`${file} '${n}'`)) found.push(`${file}:${i + 1} ${m}`);
      });
    expect(found).toEqual([]);
  });
});
