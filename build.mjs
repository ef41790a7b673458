// Builds every variant in variants.mjs (the shop bundle and its chunks, core, readable, debug,
// the Shopify pixel), the ESM entry and types, and the demo's stand-in for Yespo's eS script.
// `node build.mjs` is all a fresh clone needs. Outputs are overwritten in place (no clean step),
// so a build never pulls files from under a running test.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { VARIANTS, TEST_FLAGS, define } from './variants.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const common = { bundle: true, target: 'es2018', logLevel: 'warning', legalComments: 'none' };

/** One variant; `mangleCache` keeps renamed `_` fields the same in the shop bundle and its chunks. */
const variant = (v, mangleCache) =>
  build({
    ...common,
    define: define(v.flags, pkg.version),
    entryPoints: [v.entry],
    format: 'iife',
    outfile: v.out,
    minify: !!v.min,
    // Not strict mode: the eS loader's queue then holds the same sloppy-mode \`arguments\` objects as
    // Yespo's own snippet, whose \`callee\` old libraries (MooTools 1.4's Array.from) read.
    tsconfigRaw: { compilerOptions: { alwaysStrict: false, verbatimModuleSyntax: true } },
    // Internal fields start with "_" and are renamed: they never reach the page's globals.
    ...(v.min === true ? { mangleProps: /^_/, mangleCache } : {}),
  });

const shop = VARIANTS.filter((v) => v.flags.CHUNKS);
const others = VARIANTS.filter((v) => !v.flags.CHUNKS);
const first = await variant(shop[0], {});
await Promise.all([
  ...shop.slice(1).map((v) => variant(v, first.mangleCache)),
  ...others.map((v) => variant(v, {})),
  build({ ...common, define: define({ ...TEST_FLAGS, DEBUG: false }, pkg.version), entryPoints: ['src/index.ts'], format: 'esm', outfile: 'dist/index.js' }),
  build({ ...common, define: define({ ...TEST_FLAGS, DEBUG: false }, pkg.version), entryPoints: { schema: 'src/schema/index.ts' }, format: 'esm', outdir: 'dist', packages: 'external' }),
  build({ ...common, define: define(TEST_FLAGS, pkg.version), entryPoints: ['demo-shop/standin.ts'], format: 'iife', outfile: 'dist/demo/es-standin.js' }),
]);

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
