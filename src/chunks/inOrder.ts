import { guard } from '../lib/guard';
import type { Outgoing } from '../types/model';
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
    /** Whether calls are waiting for the chunk now. */
    holding: () => !!held,
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

type Deliver = (o: Outgoing) => void;
type Learn = (raw: unknown, from: string) => Outgoing | undefined;

/**
 * The tracker's send and identify (`deliver` one event; `learn` who the visitor is, with the
 * CustomerData to send). The core file learns with its visitor chunk: in order around it, so what is
 * sent while it loads carries the visitor. The other files have its code in: at once.
 */
export function sending(deliver: Deliver, learn: Learn, log: Log) {
  // A ternary, not an early return: the bundler keeps only the branch a build takes.
  return __CHUNKS__ && !__ZERO__ ? ordered(deliver, learn, log) : atOnce(deliver, learn);
}

function atOnce(deliver: Deliver, learn: Learn) {
  const send = (o: Outgoing | undefined) => o && deliver(o);
  return { send, identify: (raw: unknown, from: string) => send(learn(raw, from)) };
}

/** The core file's send and identify (exported for its unit test). */
export function ordered(deliver: Deliver, learn: Learn, log: Log) {
  const order = inOrder('visitor', log);
  const send = (o: Outgoing | undefined) => o && order.after(() => deliver(o));
  return { send, identify: (raw: unknown, from: string) => order.need(() => send(learn(raw, from))) };
}
