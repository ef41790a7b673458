import * as z from 'zod';
import { OPTIONS, type Kind, type Option } from '../config/options';
import { PAGE_TYPES } from '../lib/pageTypes';

const str = z.string().trim().min(1);
const bool = z.boolean();
const pattern = z.union([str, z.array(str)]);
const names = (o: Option) => z.enum(o[3] as unknown as [string, ...string[]]);

/** The zod type of each kind of option, as the guard in config/check.ts accepts it. */
const ZOD: Record<Exclude<Kind, 'obj'>, (o: Option) => z.ZodType> = {
  str: () => str,
  bool: () => bool,
  num: () => z.number().min(0),
  unit: () => z.number().min(0).max(1),
  enum: names,
  keys: (o) => z.array(names(o)).min(1),
  strs: () => z.array(str),
  pattern: () => pattern,
  idnum: () => z.union([str, z.number()]),
  dataLayer: () => z.union([bool, str]),
  platforms: (o) => z.union([bool, z.partialRecord(names(o), bool)]),
};

/** `window.yespoConfig` as a shop writes it, built from the options table (the full build's options). */
function build(): z.ZodObject {
  const top: Record<string, z.ZodType> = {};
  for (const o of OPTIONS) {
    const [path, kind] = o;
    if (path.indexOf('.') > 0) continue;
    if (kind !== 'obj') top[path] = ZOD[kind](o).optional();
    else if (path === 'pages') top.pages = z.object(Object.fromEntries(PAGE_TYPES.map((t) => [t, pattern.optional()]))).optional();
    else {
      const sub: Record<string, z.ZodType> = {};
      for (const s of OPTIONS) if (s[0].indexOf(path + '.') === 0 && s[1] !== 'obj') sub[s[0].slice(path.length + 1)] = ZOD[s[1] as Exclude<Kind, 'obj'>](s).optional();
      top[path] = z.object(sub).optional();
    }
  }
  return z.object(top);
}

export const configSchema = build();
export type { YespoConfig, ResolvedConfig } from '../config/types';
