// Fails the test run when the shop bundle grows past its budget (package.json "budget", gzip -9
// bytes) or contains code a strict Content-Security-Policy would block.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
let failed = false;
for (const [file, budget] of Object.entries(pkg.budget)) {
  const src = readFileSync(file);
  const gz = gzipSync(src, { level: 9 }).length;
  const br = brotliCompressSync(src).length;
  const ok = gz <= budget;
  console.log(`${ok ? 'ok ' : 'FAIL'} ${file}: ${src.length} B raw, ${gz} B gzip, ${br} B brotli (budget ${budget} B gzip)`);
  if (!ok) failed = true;
  const text = src.toString();
  for (const bad of [/\beval\(/, /new Function\b/, /\bsetTimeout\(\s*["'`]/]) {
    if (bad.test(text)) {
      console.log(`FAIL ${file}: contains ${bad} (blocked by a strict CSP)`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
