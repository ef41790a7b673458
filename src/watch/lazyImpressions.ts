import { withChunk } from '../chunks/need';
import type { modules } from '../chunks/modules';
import type { ResolvedConfig } from '../config/types';
import type { Log } from '../lib/log';
import type { Report } from '../types/problems';
import { readRecAddToCart } from '../sources/recs';
import { createImpressions, type Impression, type Impressions } from './impressions';

/**
 * The impressions engine, where a page has recommendation items: in the shop bundle its chunk is
 * loaded the first time an item is found (at start when idle, or in late content), and the same
 * interface stands in until then. Builds without chunks create the engine at once.
 */
export function lazyImpressions(o: ResolvedConfig['impressions'], send: (list: Impression[]) => void, problem: Report, log: Log): Impressions {
  // A ternary, not an early return: the bundler keeps only the branch a build takes.
  return __CHUNKS__ ? whenFound(o, send, problem, log) : createImpressions(o, send, problem);
}

function whenFound(o: ResolvedConfig['impressions'], send: (list: Impression[]) => void, problem: Report, log: Log): Impressions {
  let engine: Impressions | undefined;
  let loading = false;
  let stopped = false;
  // An invalid selector: the engine reports it.
  const has = (root: ParentNode) => {
    try {
      return !!(((root as Element).matches && (root as Element).matches(o.itemSelector)) || root.querySelector(o.itemSelector));
    } catch {
      return true;
    }
  };
  const add = (root: ParentNode) => {
    if (engine) engine.add(root);
    else if (!loading && has(root)) (loading = true), withChunk('impressions', log, (m) => stopped || (engine = m.createImpressions(o, send, problem)).add(document));
  };
  return {
    add,
    sweep: () => engine && engine.sweep(),
    reset: () => (engine ? engine.reset() : add(document)),
    flush: () => engine && engine.flush(),
    stop() {
      stopped = true;
      if (engine) engine.stop();
    },
    size: () => (engine ? engine.size() : 0),
  };
}

type Recs = NonNullable<typeof modules.impressions>;

/**
 * Runs `f` with the recommendation readers: at once where they are bundled or already loaded, else
 * once the impressions chunk is in (a click in a recommendation item on a page whose items were
 * found a moment ago).
 */
export function withRecs(log: Log, f: (m: Recs) => void): void {
  // Branches, not early returns: the bundler keeps only the one a build takes.
  if (!__CHUNKS__) f({ createImpressions, readRecAddToCart });
  else withChunk('impressions', log, f, __DEBUG__ && 'recommendation click');
}
