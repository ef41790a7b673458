import type { PixelBrowser } from './types';
import { guid } from '../lib/guid';

const YEAR = 31536000;

/**
 * The storefront's visitor cookie `sc`, read in the shop's top frame: the sandbox has its own
 * origin and no cookies, and a new id there would make the buyer a new visitor. Created as
 * Yespo's script creates it (uppercase 8-4-4-4-12, one year, SameSite=Lax) when missing.
 */
export async function visitorCookie(b: PixelBrowser, secure: boolean): Promise<string> {
  let v: unknown;
  try {
    v = await b.cookie.get('sc');
  } catch {
    v = undefined;
  }
  if (typeof v === 'string' && /^[\w-]{1,256}$/.test(v)) return v;
  const id = guid().toUpperCase();
  try {
    await b.cookie.set(`sc=${id}; path=/; max-age=${YEAR}; SameSite=Lax${secure ? '; Secure' : ''}`);
  } catch {
    /* cookies refused: the id still links this page's events */
  }
  return id;
}
