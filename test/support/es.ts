import { expect } from 'vitest';
import { checkEsCall } from '../../src/schema/events';

/** Replaces `window.eS` with a recorder; every recorded call must be what Yespo expects. */
export function fakeEs() {
  const calls: unknown[][] = [];
  (window as unknown as { eS: unknown }).eS = (...a: unknown[]) => {
    expect(checkEsCall(a), JSON.stringify(a)).toEqual([]);
    calls.push(a);
  };
  return {
    calls,
    events: () => calls.filter((c) => c[0] === 'sendEvent').map((c) => c.slice(1)),
    names: () => calls.filter((c) => c[0] === 'sendEvent').map((c) => c[1]),
  };
}
