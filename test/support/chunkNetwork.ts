/**
 * The chunk files as a test's network: each load of a chunk waits until the test says how it went
 * (`arrive(true)` once the module is in `modules`, `arrive(false)` for a file that cannot be had).
 * Use it in a test file as
 * `vi.mock('../../src/chunks/need', async (actual) => (await import('../support/chunkNetwork')).withHeldChunks(await actual()))`.
 */
export const loads: string[] = [];
let done: (ok: boolean) => void = () => {};

export const arrive = (ok: boolean) => done(ok);

export const withHeldChunks = <T extends object>(need: T) => ({
  ...need,
  needChunk: (name: string) => {
    loads.push(name);
    return new Promise<boolean>((ok) => (done = ok));
  },
});
