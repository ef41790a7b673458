// Fails the test run when a shop file grows past its budget (variants.mjs `budget`, gzip -9
// bytes), or when any built file contains code a strict Content-Security-Policy would block.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { VARIANTS } from '../variants.mjs';

/**
 * Bytes as `gzip -9 file` writes them (its own deflate and a header with the file's name), which
 * comes out a few dozen bytes larger than Node's zlib at level 9; zlib where gzip is missing.
 */
function gzipped(file, src) {
  try {
    return execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 24 }).length;
  } catch {
    return gzipSync(src, { level: 9 }).length;
  }
}

let failed = false;
for (const { out: file, budget } of VARIANTS.filter((v) => v.budget)) {
  const src = readFileSync(file);
  const gz = gzipped(file, src);
  const br = brotliCompressSync(src).length;
  const ok = gz <= budget;
  console.log(`${ok ? 'ok ' : 'FAIL'} ${file}: ${src.length} B raw, ${gz} B gzip -9, ${br} B brotli (budget ${budget} B gzip -9)`);
  if (!ok) failed = true;
}
const built = ['dist', 'dist/demo'].flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.js')).map((f) => `${d}/${f}`));
for (const file of built) {
  const text = readFileSync(file, 'utf8');
  for (const bad of [/\beval\(/, /\bFunction\(/, /\bsetTimeout\(\s*["'`]/, /\bsetInterval\(\s*["'`]/]) {
    if (bad.test(text)) {
      console.log(`FAIL ${file}: contains ${bad} (blocked by a strict CSP)`);
      failed = true;
    }
  }
}
console.log(`ok  no eval / Function / string timers in ${built.length} built files`);
// The shop files are sloppy-mode code: the eS loader must queue the same `arguments` objects as
// Yespo's snippet (strict-mode ones throw on `callee`, which MooTools' Array.from reads).
for (const { out } of VARIANTS.filter((v) => v.budget && v.id !== 'pixel')) {
  if (/^\s*["']use strict["']/.test(readFileSync(out, 'utf8'))) {
    console.log(`FAIL ${out}: strict mode (the loader queue's arguments would throw on callee)`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
