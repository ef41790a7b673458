import { guard } from '../lib/guard';
import type { Log } from '../lib/log';
import { chunkUrl, loadChunk } from './load';
import { modules, type Modules } from './modules';

const warned: Record<string, 1> = {};

/**
 * Makes a chunk's readers available (shop bundle): true once they are. A chunk that cannot be
 * loaded is one console warning naming the file, so a shop that copied the bundle alone knows
 * to copy the folder; what it reads is then left out.
 */
export async function needChunk(name: keyof Modules, log: Log): Promise<boolean> {
  if (modules[name]) return true;
  const api = await loadChunk<Modules[typeof name]>(name);
  if (api) (modules as Record<string, unknown>)[name] = api;
  else if (!warned[name]) (warned[name] = 1), log.warn(`${chunkUrl(name).replace(/.*\//, '')} is missing beside the bundle: copy all of dist/`);
  return !!api;
}

/**
 * Runs `f` with a chunk's module: at once when it is in, else once its file has loaded (not at all
 * when it cannot be had: needChunk has said so). `where` names the caller in the debug build's errors.
 */
export function withChunk<K extends keyof Modules>(name: K, log: Log, f: (m: NonNullable<Modules[K]>) => void, where?: string | false) {
  const run = () => {
    const m = modules[name];
    if (m) f(m as NonNullable<Modules[K]>);
  };
  if (modules[name]) run();
  else void needChunk(name, log).then(guard(run, where));
}
