// The code's shape, held by the test run: imports point one way (no cycles), and no function in
// src/ runs past the length a reader takes in at once.
import { build } from 'esbuild';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_FLAGS, VARIANTS, define } from '../variants.mjs';

const SRC = join(__dirname, '..', 'src');
const MAX_LINES = 60;

/** The import graph of the bundle's entries, from esbuild's metafile. */
async function imports(): Promise<Record<string, string[]>> {
  const r = await build({
    // Every file's entry (the chunks' among them), the ESM entry and the schema.
    entryPoints: [...new Set(VARIANTS.map((v) => v.entry).concat('src/index.ts', 'src/schema/index.ts'))],
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'out',
    format: 'esm',
    logLevel: 'silent',
    define: define(TEST_FLAGS, 'test'),
    external: ['zod', 'nanoid', 'js-cookie'],
  });
  const g: Record<string, string[]> = {};
  for (const [file, v] of Object.entries(r.metafile!.inputs)) g[file] = v.imports.filter((i) => !i.external).map((i) => i.path);
  return g;
}

/** Every cycle's path, found by a depth-first walk. */
function cycles(g: Record<string, string[]>): string[][] {
  const out: string[][] = [];
  const state: Record<string, 1 | 2> = {};
  const stack: string[] = [];
  const visit = (n: string) => {
    state[n] = 1;
    stack.push(n);
    for (const m of g[n] || []) {
      if (state[m] === 1) out.push(stack.slice(stack.indexOf(m)).concat(m));
      else if (!state[m]) visit(m);
    }
    stack.pop();
    state[n] = 2;
  };
  Object.keys(g).forEach((n) => state[n] || visit(n));
  return out;
}

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.ts$/.test(f) ? [join(dir, f)] : []));

/**
 * Functions longer than MAX_LINES: a line that opens a function (a declaration, an arrow or a
 * method ending in `{`) to the line where its braces close. Strings and comments are blanked first.
 */
function longFunctions(file: string): string[] {
  const lines = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, '')
    .replace(/(["'`])(?:\\.|(?!\1)[^\\\n])*\1/g, '""')
    .split('\n');
  const opens = /(\bfunction\b[^{]*|=>\s*|^\s*(async\s+)?[\w$]+\s*\([^)]*\)\s*(:\s*[^{]+)?)\{\s*$/;
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (!opens.test(l)) return;
    let depth = 0;
    for (let j = i; j < lines.length; j++) {
      for (const ch of lines[j]) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      if (depth <= 0) {
        if (j - i + 1 > MAX_LINES) out.push(`${file.slice(SRC.length + 1)}:${i + 1} (${j - i + 1} lines)`);
        return;
      }
    }
  });
  return out;
}

describe('code structure', () => {
  it('has no import cycles', async () => {
    expect(cycles(await imports())).toEqual([]);
  });

  it(`has no function in src/ longer than ${MAX_LINES} lines`, () => {
    expect(files(SRC).flatMap(longFunctions)).toEqual([]);
  });

  it('the length check sees a long function (so it can fail)', () => {
    const body = Array.from({ length: MAX_LINES + 1 }, (_, i) => `  const a${i} = ${i};`).join('\n');
    const tmp = join(__dirname, '..', 'node_modules', '.long-function-probe.ts');
    require('node:fs').writeFileSync(tmp, `export function long() {\n${body}\n}\n`);
    expect(longFunctions(tmp).length).toBe(1);
  });
});

describe('the platform lists', () => {
  it('the adapters (chunk), their detectors (main file) and the config option name the same platforms, in one order', async () => {
    const { PLATFORMS } = await import('../src/sources/platforms');
    const { DETECT } = await import('../src/sources/platforms/detect');
    const { PLATFORM_NAMES } = await import('../src/types/platform');
    const names = PLATFORMS.map((p) => p.name);
    expect(DETECT.map(([n]) => n)).toEqual(names);
    expect([...PLATFORM_NAMES]).toEqual(names);
  });
});
