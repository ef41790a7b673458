import type { Evidence, SourceOptions } from '../../types/evidence';
import type { Platform, PlatformContext } from '../../types/platform';
import { bigcommerce } from './bigcommerce';
import { detectNames, platformContext } from './detect';
import { magento } from './magento';
import { opencart } from './opencart';
import { prestashop } from './prestashop';
import { shopify } from './shopify';
import { shopware } from './shopware';
import { woocommerce } from './woocommerce';

/** Every platform adapter; a new platform is one file and one entry here (and its detector in detect.ts). */
export const PLATFORMS: readonly Platform[] = [shopify, woocommerce, magento, prestashop, bigcommerce, shopware, opencart];

/** The adapters of the platforms detected (`names`, from detect.ts). */
export const adapters = (names: string[]) => PLATFORMS.filter((p) => names.indexOf(p.name) >= 0);

/**
 * What the detected platforms print (globals and body classes): one Evidence per platform on a page
 * type it knows. Read-only, nothing is patched. An order's `items` may be empty: the platform gives
 * the number, the lines come from elsewhere.
 */
export function readDetected(c: PlatformContext, names: string[]): Evidence[] {
  const out: Evidence[] = [];
  for (const p of adapters(names))
    try {
      const f = p.page(c);
      if (f) out.push({ source: p.name, ...f });
    } catch {
      __DEBUG__ && c.o.problem('source-failed', p.name + ': page data unreadable');
    }
  return out;
}

/** Detection and reading in one (tests, tools); `off` lists adapters the config switched off. */
export function readPlatforms(doc: Document, win: Window, opts: SourceOptions, off: string[] = []): Evidence[] {
  const c = platformContext(doc, win, opts);
  return readDetected(c, detectNames(c, off));
}
