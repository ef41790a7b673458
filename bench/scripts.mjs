// @ts-check
// The script each variant loads, as bytes: Yespo's bundle from dist/, the generated floor, the
// bundled peers; and their sizes (raw and gzip -9). A peer that cannot be built is left out and
// said so.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { floorSource } from './floor.mjs';
import { bundlePeer, installPeers } from './peers.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {{ source: Buffer, readable?: Buffer, versions?: Record<string, string>, size: { raw: number, gzip: number } }} Script
 */

/** @param {string} rel */
function distFile(rel) {
  const path = join(ROOT, rel);
  if (!existsSync(path)) throw new Error(`${rel} is missing: run node build.mjs first`);
  return readFileSync(path);
}

/** @param {import('./variants.mjs').Variant} v @returns {Promise<Omit<Script, 'size'>>} */
async function load(v) {
  if (v.kind === 'none') return { source: Buffer.alloc(0) };
  if (v.kind === 'floor') return { source: Buffer.from(floorSource()) };
  if (v.kind === 'bundle') return { source: distFile(/** @type {string} */ (v.file)), readable: v.readable ? distFile(v.readable) : undefined };
  return bundlePeer(v);
}

/**
 * @param {readonly import('./variants.mjs').Variant[]} variants
 * @returns {Promise<{ scripts: Record<string, Script>, skipped: Record<string, string> }>}
 */
export async function prepareScripts(variants) {
  if (variants.some((v) => v.kind === 'peer')) installPeers();
  /** @type {Record<string, Script>} */
  const scripts = {};
  /** @type {Record<string, string>} */
  const skipped = {};
  for (const v of variants) {
    try {
      const s = await load(v);
      scripts[v.id] = { ...s, size: { raw: s.source.length, gzip: zlib.gzipSync(s.source, { level: 9 }).length } };
    } catch (e) {
      if (v.kind !== 'peer') throw e;
      skipped[v.id] = `could not be bundled (${String(/** @type {Error} */ (e).message || e).split('\n')[0]}); run npm ci --prefix bench`;
    }
  }
  return { scripts, skipped };
}
