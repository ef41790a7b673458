import type { PixelApi } from './types';
import { createLog } from '../lib/log';
import { guard, setGuardLog } from '../lib/guard';
import { readPixelConfig } from './config';
import { at, obj } from './json';
import { startPixel } from './pixel';

// Shopify runs a custom pixel's code inside a function of its own, where `analytics`, `browser`
// and `init` are local names (and `api` the object they came from), not properties of `self`. The
// merchant pastes `const yespoConfig = {…};` and this file into that body, so all of them are read
// as free identifiers; `typeof` keeps a missing one from throwing.
declare const analytics: unknown;
declare const browser: unknown;
declare const init: unknown;
declare const api: unknown;
declare const yespoConfig: unknown;

const fn = (v: unknown, ...path: string[]) => typeof at(v, ...path) === 'function';

/** The Web Pixels API in scope, or undefined when this code runs anywhere else. */
function findApi(): PixelApi | undefined {
  const a = obj(typeof api !== 'undefined' ? api : undefined) || {};
  const found = {
    analytics: typeof analytics !== 'undefined' ? analytics : a.analytics,
    browser: typeof browser !== 'undefined' ? browser : a.browser,
    init: typeof init !== 'undefined' ? init : a.init,
    customerPrivacy: fn(a.customerPrivacy, 'subscribe') ? a.customerPrivacy : undefined,
  };
  const b = found.browser;
  const ok = fn(found.analytics, 'subscribe') && fn(b, 'cookie', 'get') && fn(b, 'cookie', 'set') && fn(b, 'localStorage', 'getItem') && fn(b, 'localStorage', 'setItem');
  return ok ? (found as PixelApi) : undefined;
}

guard(() => {
  const { config, errors, warnings } = readPixelConfig(typeof yespoConfig !== 'undefined' ? yespoConfig : undefined);
  const log = createLog(!!config && config.debug);
  setGuardLog(log);
  errors.forEach((m) => log.error(m));
  warnings.forEach((m) => log.warn(m));
  const pixel = findApi();
  if (!pixel) return log.error('no Shopify Web Pixels API here: paste this file into a custom pixel (Settings → Customer events)');
  if (config) startPixel(pixel, config, log);
})();
