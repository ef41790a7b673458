// @ts-check
// Playwright is the project's, not ours: found beside this package or in the project that runs the command.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.mjs';

/** @typedef {import('@playwright/test').BrowserType} BrowserType */

const PKG_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEBUG_BUILD = join(PKG_DIR, 'dist', 'yespo-autotrack.debug.js');
export const SCHEMA = join(PKG_DIR, 'dist', 'schema.js');
const NAMES = ['@playwright/test', 'playwright', 'playwright-core'];

/**
 * @param {any} m
 * @returns {BrowserType | undefined}
 */
const pick = (m) => m && (m.chromium || (m.default && m.default.chromium));

/** @param {string} specifier */
async function tryImport(specifier) {
  try {
    return pick(await import(specifier));
  } catch {
    return undefined;
  }
}

/** Playwright's chromium, or undefined when it is not installed. */
export async function loadChromium() {
  for (const name of NAMES) {
    const c = await tryImport(name);
    if (c) return c;
  }
  const req = createRequire(join(process.cwd(), 'package.json'));
  for (const name of NAMES) {
    let path;
    try {
      path = req.resolve(name);
    } catch {
      continue;
    }
    const c = await tryImport(pathToFileURL(path).href);
    if (c) return c;
  }
  return undefined;
}

/** @param {BrowserType} chromium */
export const launch = (chromium) => chromium.launch({ headless: true, executablePath: chromiumPath(), args: CHROMIUM_ARGS });

/**
 * The debug build and the event format checks, from the package's dist/.
 * @returns {Promise<import('./page.mjs').Assets>}
 */
export async function loadAssets() {
  const { checkEsCall, checkRestBody } = await import(pathToFileURL(SCHEMA).href);
  return { debugJs: readFileSync(DEBUG_BUILD, 'utf8'), checkEsCall, checkRestBody };
}
