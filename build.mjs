// Builds every variant in variants.mjs (the shop bundle and its chunks, core, readable, debug,
// the Shopify pixel), the ESM entry and types, and the demo's stand-in for Yespo's eS script.
// `node build.mjs` is all a fresh clone needs. Outputs are overwritten in place (no clean step),
// so a build never pulls files from under a running test.
import { build } from 'esbuild';
import { minify } from 'terser';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { VARIANTS, TEST_FLAGS, MANGLED, define } from './variants.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const common = { bundle: true, target: 'es2018', logLevel: 'warning', legalComments: 'none' };

/**
 * Chromium's explicit compile hint: a file whose first line is this comment has all its functions
 * compiled while it streams in, off the main thread, instead of each on its first call on the main
 * thread (Chrome 136+; other browsers read a comment). For files whose functions nearly all run
 * when they load (`eager` in variants.mjs): about a fifth less main-thread script time at start.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * A shop file's last pass: esbuild bundles and renames internal fields; terser's compressor (three
 * passes, no unsafe transforms, no property renaming) then takes another ~5% off the gzip bytes.
 * Only `tight` files let it put a function called once into its caller (`reduce_funcs`): in the
 * others each function stays one V8 compiles once. In the bench's SPA session the inlined build had
 * the functions every route runs compiled again every hundred navigations or so (some 25 KB of code
 * per hundred), the other build about 6 KB per hundred once warm.
 */
async function squeeze(file, eager, tight) {
  const compress = { passes: 3, pure_getters: true, keep_fargs: false, reduce_funcs: !!tight };
  const r = await minify(readFileSync(file, 'utf8'), { ecma: 2018, compress, mangle: true, format: { comments: false } });
  writeFileSync(file, (eager ? COMPILE_HINT : '') + r.code);
}

/** One variant; `mangleCache` keeps renamed `_` fields the same in a file and its chunks. */
const variant = async (v, mangleCache) => {
  const r = await build({
    ...common,
    define: define(v.flags, pkg.version),
    entryPoints: [v.entry],
    format: 'iife',
    outfile: v.out,
    minify: !!v.min,
    // Not strict mode: the eS loader's queue then holds the same sloppy-mode \`arguments\` objects as
    // Yespo's own snippet, whose \`callee\` old libraries (MooTools 1.4's Array.from) read.
    tsconfigRaw: { compilerOptions: { alwaysStrict: false, verbatimModuleSyntax: true } },
    // Internal fields (`_` ones and the listed names, variants.mjs) are renamed: they never reach the page's globals.
    ...(v.min === true ? { mangleProps: MANGLED, mangleCache } : {}),
  });
  if (v.min === true) await squeeze(v.out, v.eager, v.tight);
  return r;
};

// A file with chunks first, then its chunks with its renamed fields.
const withChunks = (main) => variant(main, {}).then((r) => Promise.all(VARIANTS.filter((v) => v.chunk === main.id).map((v) => variant(v, r.mangleCache))));
await Promise.all([
  ...VARIANTS.filter((v) => !v.chunk).map((v) => (VARIANTS.some((c) => c.chunk === v.id) ? withChunks(v) : variant(v, {}))),
  build({ ...common, define: define({ ...TEST_FLAGS, DEBUG: false }, pkg.version), entryPoints: ['src/index.ts'], format: 'esm', outfile: 'dist/index.js' }),
  build({ ...common, define: define({ ...TEST_FLAGS, DEBUG: false }, pkg.version), entryPoints: { schema: 'src/schema/index.ts' }, format: 'esm', outdir: 'dist', packages: 'external' }),
  build({ ...common, define: define(TEST_FLAGS, pkg.version), entryPoints: ['demo-shop/standin.ts'], format: 'iife', outfile: 'dist/demo/es-standin.js' }),
]);

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
