import type { Evidence, SourceOptions } from '../../types/evidence';
import type { Platform, PlatformContext } from '../../types/platform';
import { bigcommerce } from './bigcommerce';
import { magento } from './magento';
import { opencart } from './opencart';
import { prestashop } from './prestashop';
import { shopify } from './shopify';
import { shopware } from './shopware';
import { woocommerce } from './woocommerce';

/** Every platform adapter; a new platform is one file and one entry here. */
export const PLATFORMS: readonly Platform[] = [shopify, woocommerce, magento, prestashop, bigcommerce, shopware, opencart];

export function platformContext(doc: Document, win: Window, opts: SourceOptions): PlatformContext {
  return { doc, win, o: opts, url: new URL(opts.url, 'http://x'), cls: doc.body ? Array.from(doc.body.classList) : [] };
}

/** The adapters not switched off in the config whose platform is on this page (a global or class check each). */
export function detectPlatforms(c: PlatformContext, off: string[] = []): Platform[] {
  return PLATFORMS.filter((p) => off.indexOf(p.name) < 0 && detected(p, c));
}

/** A hostile global (a throwing getter) is a debug line, never an exception; the other adapters still run. */
function detected(p: Platform, c: PlatformContext): boolean {
  try {
    return p.detect(c);
  } catch {
    __DEBUG__ && c.o.problem('source-failed', p.name + ': page data unreadable');
    return false;
  }
}

/**
 * What the big shop platforms print on every page (globals and body classes): one Evidence per
 * platform detected on a page type it knows. Read-only, nothing is patched. `off` lists adapters
 * the config switched off. An order's `items` may be empty: the platform gives the number, the
 * lines come from elsewhere.
 */
export function readPlatforms(doc: Document, win: Window, opts: SourceOptions, off: string[] = []): Evidence[] {
  const c = platformContext(doc, win, opts);
  const out: Evidence[] = [];
  for (const p of detectPlatforms(c, off))
    try {
      const f = p.page(c);
      if (f) out.push({ source: p.name, ...f });
    } catch {
      __DEBUG__ && opts.problem('source-failed', p.name + ': page data unreadable');
    }
  return out;
}
