import type { ReaderContext } from './reader';
import type { Consent } from './consent';
import { withChunk } from './chunks/need';
import { text } from './lib/text';
import { why } from './lib/log';

/** What the commands need: the reader's context (config, log, view, memory, send, identify) and consent. */
export interface CommandContext extends Omit<ReaderContext, 'sessionStore'> {
  consent: Consent;
}

/** The page's own calls (`yespo.track`, `identify`, `setCart`, `consent`, `debug`): input checked, never thrown at. */
export function commands(c: CommandContext) {
  const { cfg, view } = c;
  const problem = view.problem;
  return {
    track(name: unknown, payload?: unknown) {
      const n = text(name, 64);
      if (!n) return __DEBUG__ && problem('api-input', 'track: the event name must be a non-empty string');
      if (payload !== undefined && (!payload || typeof payload !== 'object')) return __DEBUG__ && problem('api-input', `track("${n}"): the payload must be an object`);
      c.send([n, payload as Record<string, unknown> | undefined]);
    },
    identify: (user: unknown) => c.identify(user, why('identify()')),
    setCart(items: unknown) {
      // The core file's cart module is a chunk: the first call loads it (a missing file is one warning).
      withChunk(
        'cart',
        c.log,
        (k) => k.setCartEvents(items, view.seen(), { cfg, memory: c.memory, problem, cart: true }).forEach(c.send),
        __DEBUG__ && 'setCart',
      );
    },
    consent(state: unknown) {
      if (!c.consent.set(state)) __DEBUG__ && problem('api-input', `consent: expected 'granted' or 'denied', got ${String(state).slice(0, 40)}`);
    },
    debug(on: unknown) {
      if (__DEBUG__) c.log._on = on !== false;
      else c.log.warn('for debug mode, add ?yespo_debug=1 to the URL');
    },
  };
}
