import { guard } from '../lib/guard';
import { trustedScriptUrl } from '../lib/trusted';
import { appendScript } from '../lib/appendScript';

/** Where chunks register themselves: keyed by version and name, so a chunk of another version is never used. */
type Registry = Record<string, unknown>;
const REGISTRY = 'yespoAutotrackChunks';
const registry = (): Registry => ((window as unknown as Record<string, Registry>)[REGISTRY] = (window as unknown as Record<string, Registry>)[REGISTRY] || {});

/** Called by a chunk file when it runs. */
export const register = (name: string, api: unknown) => void (registry()[__VERSION__ + ':' + name] = api);

let base: string | null | undefined;
let nonce: string | undefined;
const loading: Record<string, Promise<unknown>> = {};

/** The bundle's own URL and CSP nonce, read while it runs: chunks sit beside it and carry the same nonce. */
export function chunksFrom(src: string | null | undefined, n: string | undefined) {
  base = src;
  nonce = n;
}

/** A file's own name ending (`.js`, `.min.js`, with its query): the files beside it (chunks, the debug file) are named after it. */
export const JS_FILE = /(\.min)?\.js([?#].*)?$/;

/** A chunk's file beside the bundle: yespo-autotrack.min.js → yespo-autotrack.NAME.js, yespo-autotrack.core.min.js → yespo-autotrack.core.NAME.js. */
export const chunkUrl = (name: string, src = base || 'yespo-autotrack.js') => src.replace(JS_FILE, '.' + name + '.js');

/**
 * A chunk's API: its file (chunkUrl) with `?v=VERSION`, loaded once as an async
 * script with the bundle's nonce (and through the Trusted Types policy). Undefined when it cannot
 * be had: no URL to load from (an inlined bundle), a network error, or a chunk of another version.
 */
export function loadChunk<T>(name: string): Promise<T | undefined> {
  const key = __VERSION__ + ':' + name;
  return (loading[name] =
    loading[name] ||
    new Promise<unknown>((done) => {
      if (registry()[key] || !base || !JS_FILE.test(base)) return done(registry()[key]);
      const s = document.createElement('script');
      s.async = true;
      if (nonce) s.nonce = nonce;
      s.onload = s.onerror = guard(() => done(registry()[key]), __DEBUG__ && 'chunk ' + name);
      try {
        s.src = trustedScriptUrl(chunkUrl(name, base) + '?v=' + __VERSION__);
        appendScript(s, () => done(undefined));
      } catch {
        done(undefined);
      }
    })) as Promise<T | undefined>;
}
