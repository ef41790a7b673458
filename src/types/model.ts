import type { ResolvedConfig } from '../config/types';
import type { PageType } from '../lib/pageTypes';
import type { CartItem } from '../schema/events';
import type { Evidence } from './evidence';
import type { Problem } from './problems';

/** Everything the tracker knows about the page it is on: the sources' evidence, folded by precedence. */
export interface PageModel extends Omit<Evidence, 'source' | 'pageType' | 'crumb' | 'searchPage' | 'notes'> {
  type: PageType;
  /** Which signal decided the type, for debug output (empty in the builds without debug messages). */
  typeFrom: string;
  /** Which source each fact came from (debug output, the audit command): filled in the debug build only. */
  from: Record<string, string>;
  /** Tolerances the sources used to read the page (debug output, the audit command). */
  notes?: string[];
}

/**
 * One event to send: `eS('sendEvent', name, payload)`. `once`: the key of an event that goes out
 * once across the browser's tabs (events/once.ts), such as an order's PurchasedItems.
 */
export type Outgoing = [name: string, payload?: Record<string, unknown>, once?: string];

export type ConsentState = 'granted' | 'pending' | 'denied';

/** Debug build: what a page view read, decided, sent and found wrong (`yespo.inspect()`). */
export interface Inspection {
  version: string;
  /** Every option with its default filled in. */
  config: ResolvedConfig;
  page?: PageModel;
  problems: Problem[];
  events: Array<{ name: string; payload?: unknown; body?: unknown }>;
  consent: ConsentState;
  /** Google Consent Mode's analytics_storage, when the page's dataLayer says it. */
  google?: string;
  /** The last cart read from the shop platform, and from where. */
  cart?: { items: CartItem[]; from: string };
}
