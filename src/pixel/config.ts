import type { PixelConfig } from './types';
import { text } from '../lib/text';

export const REST_URL = 'https://tracker.yespo.io/api/v2';
const KEYS = ['sku', 'productID', 'mpn', 'gtin', 'id', 'url'];
export const DEFAULT_KEYS = ['sku', 'productID', 'id', 'url'];

export interface ConfigResult {
  /** Undefined when the pixel must stay off. */
  config?: PixelConfig;
  errors: string[];
  warnings: string[];
}

/**
 * The pasted `yespoConfig` → a checked config. `siteId` is required (the REST tracker keys events
 * by it); a bad optional key is a warning and its default is used, as in the shop bundle.
 */
export function readPixelConfig(raw: unknown): ConfigResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const own = (k: string) => (Object.prototype.hasOwnProperty.call(r, k) ? r[k] : undefined);
  const siteId = text(own('siteId'));
  if (!siteId) errors.push('yespoConfig.siteId is required (a non-empty string)');
  let restUrl = REST_URL;
  const url = own('restUrl');
  if (url !== undefined) {
    if (typeof url === 'string' && /^https?:\/\/[^\s]+$/.test(url) && url.length <= 2048) restUrl = url;
    else warnings.push('yespoConfig.restUrl must be an http(s) URL; using ' + REST_URL);
  }
  let productKey = DEFAULT_KEYS;
  const keys = own('productKey');
  if (keys !== undefined) {
    const ok = Array.isArray(keys) && keys.length > 0 && keys.every((k) => KEYS.indexOf(k) >= 0);
    if (ok) productKey = keys as string[];
    else warnings.push('yespoConfig.productKey must be a list of ' + KEYS.join(', ') + '; using the default');
  }
  const debug = own('debug') === true;
  return { config: siteId ? { siteId, restUrl, productKey, debug } : undefined, errors, warnings };
}
