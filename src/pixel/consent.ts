import { at } from './json';

/** Shopify's customer privacy allows analytics: only an explicit `true` does. */
export const analyticsAllowed = (privacy: unknown) => at(privacy, 'analyticsProcessingAllowed') === true;

/** Work waiting for consent is bounded: a checkout publishes a handful of events. */
const MAX_HELD = 20;

export interface Gate {
  run(task: () => void): void;
  allow(on: boolean): void;
}

/** Runs tasks while allowed; holds them (in order, in memory only) until consent is given. */
export function createGate(allowed: boolean): Gate {
  let held: Array<() => void> = [];
  return {
    run(task) {
      if (allowed) task();
      else if (held.length < MAX_HELD) held.push(task);
    },
    allow(on) {
      allowed = on;
      if (!on) return;
      const tasks = held;
      held = [];
      tasks.forEach((t) => t());
    },
  };
}
