import { guard } from '../lib/guard';
import type { Log } from '../lib/log';
import { modules, type Modules } from './modules';
import { needChunk } from './need';

/**
 * Calls that need a chunk (the core file's visitor chunk: an identify), kept in order with the
 * sends around them: the first that finds the chunk missing loads it, and until it is in (or could
 * not be had: needChunk said so once) every later call waits behind it. Where the chunk is bundled
 * in, everything runs at once.
 */
export function inOrder(name: keyof Modules, log: Log) {
  let held: Array<() => void> | undefined;
  let tried = false;
  /** `f` now, or after what waits for the chunk. */
  const after = (f: () => void) => void (held ? held.push(f) : f());
  return {
    after,
    /** `f` once the chunk is in (or could not be had), after everything given before it. */
    need(f: () => void) {
      if (held || tried || modules[name]) return after(f);
      tried = true;
      held = [f];
      void needChunk(name, log).then(() => {
        const q = held!;
        held = undefined;
        q.forEach((g) => guard(g, __DEBUG__ && 'after chunk ' + name)());
      });
    },
  };
}
