#!/usr/bin/env node
// @ts-check
// `yespo-autotrack audit <url|file…>`: loads each page in headless Chromium with the debug build of
// the tracker and a recorder in place of Yespo's eS script, then says what the page is, what was
// read from where, which events would be sent, and what is wrong. Nothing leaves the machine but
// requests to the page's own origin. The parts are in bin/audit/.
import { main } from './audit/cli.mjs';

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`yespo-autotrack: ${(e && e.stack) || e}\n`);
    process.exitCode = 2;
  },
);
