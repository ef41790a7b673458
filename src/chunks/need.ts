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
