// @ts-check
// The peer trackers: installed from bench/package.json (bench/.npmrc: legacy-peer-deps, see
// bench/README.md) and bundled by esbuild into one minified IIFE each, under bench/.build/t/.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = dirname(fileURLToPath(import.meta.url));
const OUT = join(BENCH, '.build', 't');

/** `npm ci --prefix bench` once; the project's own package.json and lockfile stay untouched. */
export function installPeers() {
  if (existsSync(join(BENCH, 'node_modules'))) return;
  execFileSync('npm', ['ci', '--prefix', BENCH, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

/**
 * One peer bundled: its file's bytes and the installed versions of its packages.
 * @param {import('./variants.mjs').Variant} v
 * @returns {Promise<{ source: Buffer, versions: Record<string, string> }>}
 */
export async function bundlePeer(v) {
  mkdirSync(OUT, { recursive: true });
  const outfile = join(OUT, v.id + '.js');
  await build({
    entryPoints: [join(BENCH, 'entries', `${v.entry}.js`)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2018',
    platform: 'browser',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile,
    logLevel: 'error',
  });
  /** @type {Record<string, string>} */
  const versions = {};
  for (const p of v.pkgs || []) versions[p] = JSON.parse(readFileSync(join(BENCH, 'node_modules', p, 'package.json'), 'utf8')).version;
  return { source: readFileSync(outfile), versions };
}
