import { guard } from '../lib/guard';

const where = () => location.pathname + location.search;

/** The Navigation API where the browser has it (Chromium 102+): route changes observed, nothing wrapped. */
interface NavigationLike {
  addEventListener(t: string, f: () => void): void;
  removeEventListener(t: string, f: () => void): void;
}

/** Without the Navigation API: `pushState` / `replaceState` wrapped (an accepted exception), `popstate` heard. */
function wrapHistory(check: () => void): () => void {
  const h = history;
  const wrap = (name: 'pushState' | 'replaceState') => {
    const orig = h[name];
    const ours = function (this: History, ...a: Parameters<History['pushState']>) {
      const r = orig.apply(this, a);
      check();
      return r;
    };
    h[name] = ours;
    // Restore only if nobody wrapped us since; otherwise leave their wrapper (and ours inside it).
    return () => {
      if (h[name] === ours) h[name] = orig;
    };
  };
  const undo = [wrap('pushState'), wrap('replaceState')];
  window.addEventListener('popstate', check);
  return () => {
    undo.forEach((f) => f());
    window.removeEventListener('popstate', check);
  };
}

/**
 * Single-page-app route changes count only when the path or query really changes, so a router
 * that pushes and then replaces the same URL (Next.js, Vue Router) makes one page view, and
 * hash-only changes make none. The Navigation API's `currententrychange` fires after every
 * pushState, replaceState and traversal, so where it exists `history` is left untouched.
 */
export function watchNavigation(onRoute: () => void): () => void {
  let last = where();
  const check = guard(() => {
    const now = where();
    if (now === last) return;
    last = now;
    onRoute();
  }, __DEBUG__ && 'route change');
  const nav = (window as unknown as { navigation?: NavigationLike }).navigation;
  if (!nav || typeof nav.addEventListener !== 'function') return wrapHistory(check);
  nav.addEventListener('currententrychange', check);
  return () => nav.removeEventListener('currententrychange', check);
}
