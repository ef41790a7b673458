import Cookies from 'js-cookie';
import { guid } from '../lib/guid';

/**
 * The visitor cookie `sc` the REST tracker keys visits by: read, or created as Yespo's own script
 * does (uppercase 8-4-4-4-12, one year, SameSite=Lax, Secure on https). Cookies switched off: a
 * value for this page only.
 */
export function scCookie(): string {
  let v: string | undefined;
  try {
    v = Cookies.get('sc');
    if (v) return v;
    v = guid().toUpperCase();
    Cookies.set('sc', v, { expires: 365, sameSite: 'Lax', secure: location.protocol === 'https:', path: '/' });
  } catch {
    /* cookies blocked */
  }
  return v || guid().toUpperCase();
}
