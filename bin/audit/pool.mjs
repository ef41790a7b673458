// @ts-check
// A work queue with a concurrency limit; jobs may add jobs (the crawl does) until it is idle.

/** @param {number} concurrency */
export function workQueue(concurrency) {
  /** @type {Array<() => Promise<unknown>>} */
  const waiting = [];
  /** @type {Array<() => void>} */
  const idlers = [];
  let active = 0;
  const pump = () => {
    while (active < concurrency && waiting.length) {
      const job = /** @type {() => Promise<unknown>} */ (waiting.shift());
      active++;
      Promise.resolve()
        .then(job)
        .catch(() => {})
        .finally(() => {
          active--;
          pump();
        });
    }
    if (!active && !waiting.length) idlers.splice(0).forEach((f) => f());
  };
  return {
    /** @param {() => Promise<unknown>} job */
    add(job) {
      waiting.push(job);
      pump();
    },
    /** @returns {Promise<void>} */
    idle: () => new Promise((done) => (idlers.push(done), pump())),
  };
}
