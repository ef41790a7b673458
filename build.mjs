// Builds the shop bundle (readable and minified IIFE), the ESM entry and types, and the demo's
// stand-in for Yespo's eS script. `node build.mjs` is all a fresh clone needs.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const define = { __VERSION__: JSON.stringify(pkg.version), __DEBUG__: 'false', __ZERO__: 'true', __REST__: 'true' };
const common = { bundle: true, target: 'es2018', define, logLevel: 'warning', legalComments: 'none' };
// The debug build: every problem named in the console, each payload checked against the zod schemas.
const debug = { ...common, define: { ...define, __DEBUG__: 'true' } };

// Outputs are overwritten in place (no clean step), so a build never pulls files from under a running test.

await Promise.all([
  build({ ...common, entryPoints: ['src/auto.ts'], format: 'iife', outfile: 'dist/yespo-autotrack.js' }),
  build({
    ...common,
    entryPoints: ['src/auto.ts'],
    format: 'iife',
    outfile: 'dist/yespo-autotrack.min.js',
    minify: true,
    // Internal fields start with "_" and are renamed: they never reach the page's globals.
    mangleProps: /^_/,
  }),
  // The core variant for shops that mark their pages up with data-yespo-* and use eS.JS: no
  // structured-data readers, no REST transport.
  build({
    ...common,
    define: { ...define, __ZERO__: 'false', __REST__: 'false' },
    entryPoints: ['src/auto.ts'],
    format: 'iife',
    outfile: 'dist/yespo-autotrack.core.min.js',
    minify: true,
    mangleProps: /^_/,
  }),
  build({ ...debug, entryPoints: ['src/auto.ts'], format: 'iife', outfile: 'dist/yespo-autotrack.debug.js', minify: true }),
  // The Shopify custom pixel: pasted into Settings → Customer events, REST only, no zod.
  build({ ...common, entryPoints: ['src/pixel/index.ts'], format: 'iife', outfile: 'dist/yespo-autotrack.shopify-pixel.js', minify: true, mangleProps: /^_/ }),
  build({ ...common, entryPoints: ['src/index.ts'], format: 'esm', outfile: 'dist/index.js' }),
  build({ ...common, entryPoints: { schema: 'src/schema/index.ts' }, format: 'esm', outdir: 'dist', packages: 'external' }),
  build({ ...debug, entryPoints: ['demo-shop/standin.ts'], format: 'iife', outfile: 'dist/demo/es-standin.js' }),
]);

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
