import type { ResolvedConfig } from '../config/types';
import { guard } from '../lib/guard';
import type { Report } from '../types/problems';
import type { Impression, Impressions } from './impressions';
import { lazyImpressions } from './lazyImpressions';
import type { Log } from '../lib/log';
import { hasCustomerForm, watchInteractions, type InteractionHandlers } from './interactions';
import { watchMutations } from './mutations';
import { watchNavigation } from './navigation';

export interface WatchHooks extends InteractionHandlers {
  /** Tracked content changed (`cart`: inside the cart container). */
  changed(cart: boolean): void;
  /** Any DOM change. */
  touched(): void;
  /** A route change. */
  route(): void;
  /** A route change is waiting for its content: its settle observes the items afresh. */
  unsettled(): boolean;
  impressions(list: Impression[]): void;
}

/** Observing hundreds of recommendation items is not urgent (nor the core file's look for a customer form): in a task of its own, so the start-up stays short. */
const later = (f: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 500 }) : setTimeout(f, 1));

/**
 * Every watcher of the page after its first read: recommendation impressions, the one
 * MutationObserver (late content, cart changes), SPA navigation, clicks and form submits.
 * Returns the impressions engine, a stop for all of them, and what a route's settle calls before its full read (`reading`).
 */
export function startWatchers(cfg: ResolvedConfig, h: WatchHooks, problem: Report, log: Log): { impressions: Impressions; stop: () => void; reading: () => void } {
  const imp = lazyImpressions(cfg.impressions, h.impressions, problem, log);
  later(
    guard(() => {
      imp.add(document);
      // A customer form's submit may leave the page: the core file has its chunk in long before (document.forms is no walk of the page).
      if (__CHUNKS__ && !__ZERO__ && hasCustomerForm()) h.prepare();
    }, __DEBUG__ && 'impressions start'),
  );
  // While a route waits, its settle resets the impressions: items added or removed meanwhile are its to take.
  const mo = watchMutations({ change: h.changed, added: (el) => h.unsettled() || imp.add(el), removed: () => h.unsettled() || imp.sweep(), any: h.touched });
  const stops = [imp.stop, mo.stop, watchInteractions(h)];
  if (cfg.spa) stops.push(watchNavigation(h.route));
  return { impressions: imp, stop: () => stops.splice(0).forEach((f) => f()), reading: mo.reading };
}
