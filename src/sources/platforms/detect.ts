import type { SourceOptions } from '../../types/evidence';
import type { Platform, PlatformContext } from '../../types/platform';
import { detect as bigcommerce } from './bigcommerce';
import { detect as magento } from './magento';
import { detect as opencart } from './opencart';
import { detect as prestashop } from './prestashop';
import { detect as shopify } from './shopify';
import { detect as shopware } from './shopware';
import { detect as woocommerce } from './woocommerce';

/**
 * Every platform's detector, in the adapters' order (index.ts). These stay in the main file: a page
 * whose platform is absent pays a global or class check each, and the adapters load only where one is found.
 */
export const DETECT: Array<[string, Platform['detect']]> = [
  ['shopify', shopify],
  ['woocommerce', woocommerce],
  ['magento', magento],
  ['prestashop', prestashop],
  ['bigcommerce', bigcommerce],
  ['shopware', shopware],
  ['opencart', opencart],
];

export function platformContext(doc: Document, win: Window, opts: SourceOptions): PlatformContext {
  return { doc, win, o: opts, url: new URL(opts.url, 'http://x'), cls: doc.body ? Array.from(doc.body.classList) : [] };
}

/**
 * The platforms on this page that the config did not switch off. A hostile global (a throwing
 * getter) is a debug line, never an exception; the other detectors still run.
 */
export function detectNames(c: PlatformContext, off: string[] = []): string[] {
  return DETECT.filter(([name, detect]) => {
    try {
      return off.indexOf(name) < 0 && detect(c);
    } catch {
      __DEBUG__ && c.o.problem('source-failed', name + ': page data unreadable');
      return false;
    }
  }).map(([name]) => name);
}
