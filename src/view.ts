import type { Log } from './lib/log';
import type { Seen } from './events/derive';
import type { Inspection } from './types/model';
import { PROBLEMS, type Problem, type ProblemCode } from './types/problems';

/**
 * One page view's record: what it sent (so a re-read never sends twice), and in the debug build
 * its events and problems. A route change starts a new one.
 */
export function createView(log: Log) {
  let seen: Seen = {};
  let problems: Problem[] = [];
  let sent: Inspection['events'] = [];
  /** Debug build: this view's events (the sender adds them) and problems. */
  const record = { sent: () => sent, problems: () => problems.slice() };
  return {
    seen: () => seen,
    ...(__DEBUG__ ? record : ({} as typeof record)),
    /** A debug line, once per page view; the shop bundle carries no messages (its call sites are compiled out). */
    problem(code: ProblemCode, message: string) {
      if (__DEBUG__ && !problems.some((p) => p.message === message)) {
        problems.push({ code, level: PROBLEMS[code], message });
        log.debug(message);
      }
    },
    reset() {
      seen = {};
      if (__DEBUG__) (problems = []), (sent = []);
    },
  };
}

export type View = ReturnType<typeof createView>;
