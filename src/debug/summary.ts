import type { Inspection } from '../types/model';

/** Debug build: one console group per page view with what was read, from where, and what was sent. */
export function logSummary(x: Inspection, view: number) {
  const c = typeof console !== 'undefined' ? console : undefined;
  const m = x.page;
  if (!c || !c.groupCollapsed || !m) return;
  c.groupCollapsed(`[yespo] page view ${view}: ${m.type} (from ${m.typeFrom})`);
  for (const k of ['product', 'category', 'search', 'cart', 'order', 'customer'] as const) if (m[k] !== undefined) c.log(`${k} ← ${m.from[k] || 'data-yespo-*'}`, m[k]);
  for (const e of x.events) c.log('sent', e.name, e.payload || '');
  for (const p of x.problems) c.warn(p.message);
  c.groupEnd();
}
