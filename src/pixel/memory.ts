import type { PixelBrowser } from './types';
import { GUID_RE } from '../lib/guid';
import { KEY } from '../events/cartState';
import { LISTS } from '../events/memory';
import { PREFIX } from '../lib/storage';
import { at } from './json';

// The storefront bundle's keys and formats: the same lists, under the same prefix, as JSON.
const CART = PREFIX + KEY;

/** A JSON value from the shop's own localStorage; undefined when absent, unreadable or refused. */
async function read(b: PixelBrowser, key: string): Promise<unknown> {
  try {
    const raw = await b.localStorage.getItem(key);
    return typeof raw === 'string' && raw.length < 1e6 ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

async function write(b: PixelBrowser, key: string, value: unknown): Promise<void> {
  try {
    await b.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage refused: the pixel's own memory still stops a second send in this visit */
  }
}

/** Adds `item` to the remembered list at `key`, keeping the last `keep`; false when it was there. */
async function remember(b: PixelBrowser, key: string, item: string, keep: number): Promise<boolean> {
  const v = await read(b, key);
  const list = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  if (list.indexOf(item) >= 0) return false;
  list.push(item);
  await write(b, key, list.slice(-keep));
  return true;
}

/** True the first time this browser sees the order number, storefront included. */
export const rememberOrder = (b: PixelBrowser, number: string) => remember(b, PREFIX + LISTS.orders[0], number, LISTS.orders[1]);

/** True the first time this browser sends this CustomerData (its JSON is the fingerprint). */
export const rememberCustomer = (b: PixelBrowser, fp: string) => remember(b, PREFIX + LISTS.customers[0], fp, LISTS.customers[1]);

/** GUID of the storefront's last StatusCart, when it stored one. */
export async function cartGuid(b: PixelBrowser): Promise<string | undefined> {
  const g = at(await read(b, CART), 'guid');
  return typeof g === 'string' && GUID_RE.test(g) ? g : undefined;
}

/** The purchase emptied the cart: "" is an empty cart's fingerprint, so the storefront sends no StatusCart [] for it. */
export const cartPurchased = (b: PixelBrowser) => write(b, CART, { fp: '' });
