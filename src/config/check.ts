import { isObj, own } from '../lib/obj';
import { isPageType } from '../lib/pageTypes';
import { OPTIONS, expected, option, type Kind, type Option } from './options';
import type { Checked, ResolvedConfig } from './types';

export type { Checked, ResolvedConfig };
export type { YespoConfig } from './types';

type Obj = Record<string, unknown>;
const copy = (v: unknown): unknown => (Array.isArray(v) ? v.slice() : isObj(v) ? { ...v } : v);

/** Every option's default, objects built from their options' defaults. */
export function defaults(): ResolvedConfig {
  const d: Obj = {};
  for (const [path, , def, , , zero] of OPTIONS) {
    const [top, sub] = path.split('.');
    if (def === undefined || (zero && !__ZERO__)) continue;
    if (sub) ((d[top] = d[top] || {}) as Obj)[sub] = copy(def);
    else d[top] = copy(def);
  }
  return d as unknown as ResolvedConfig;
}

export const missingMsg = (key: string) => `config "${key}" is required (${expected(option(key)!)}); the tracker is off`;
export const invalidMsg = (path: string) => `config "${path}" must be ${expected(option(path)!)}; using the default`;
export const unknownMsg = (path: string) => `config "${path}" is not a known option; ignored`;

/** A check returns the value to keep (trimmed, normalised), or undefined when the value is invalid. */
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const num = (v: unknown, max: number) => (typeof v === 'number' && v >= 0 && v <= max ? v : undefined);
const strs = (v: unknown) => (Array.isArray(v) && v.every(str) ? v.map(str) : undefined);
const subset = (v: unknown, of: readonly string[], min: number) => (Array.isArray(v) && v.length >= min && v.every((x) => of.indexOf(x) >= 0) ? v : undefined);

const CHECK: Record<Kind, (v: unknown, o: Option) => unknown> = {
  str,
  bool: (v) => (typeof v === 'boolean' ? v : undefined),
  num: (v) => num(v, Infinity),
  unit: (v) => num(v, 1),
  enum: (v, o) => (o[4]!.indexOf(v as string) >= 0 ? v : undefined),
  strs,
  pattern: (v) => (str(v) ? [str(v)] : strs(v)),
  idnum: (v) => (typeof v === 'number' && isFinite(v) ? String(v) : str(v)),
  obj: (v) => (isObj(v) ? v : undefined),
  // The full build's options (the core build has neither).
  ...((__ZERO__
    ? {
        keys: (v: unknown, o: Option) => subset(v, o[4]!, 1),
        dataLayer: (v: unknown) => (v === true ? 'dataLayer' : v === false ? v : str(v)),
        // The resolved form lists the adapters switched off; false switches all of them off.
        platforms: (v: unknown, o: Option) =>
          v === true ? [] : v === false ? v : isObj(v) && subset(Object.keys(v), o[4]!, 0) && Object.keys(v).every((k) => typeof v[k] === 'boolean') ? Object.keys(v).filter((k) => !v[k]) : undefined,
      }
    : {}) as Record<'keys' | 'dataLayer' | 'platforms', (v: unknown, o: Option) => unknown>),
};

/** One object option's keys, each checked alone so one bad key keeps the others. */
function checkObject(k: string, v: Obj, into: Obj, warnings: string[]) {
  for (const s in v) {
    if (!own(v, s) || v[s] === undefined) continue;
    const o = option(k + '.' + s);
    const r = o && (k !== 'pages' || isPageType(s)) ? CHECK[o[1]](v[s], o) : undefined;
    if (!o || (k === 'pages' && !isPageType(s))) warnings.push(unknownMsg(k + '.' + s));
    else if (r === undefined) warnings.push(invalidMsg(k + '.' + s));
    else into[s] = r;
  }
}

/**
 * Checks `window.yespoConfig` against the options table (zod stays out of the bundle; the same
 * table builds the zod schema in schema/config.ts). A missing required id is an error and the
 * tracker stays off; a bad optional value is a warning and its default is used.
 */
export function checkConfig(input: unknown): Checked {
  const errors: string[] = [];
  const warnings: string[] = [];
  const cfg = defaults() as unknown as Obj & ResolvedConfig;
  const raw = isObj(input) ? input : {};
  for (const k in raw) {
    const v = raw[k];
    if (!own(raw, k) || v === undefined) continue;
    const o = option(k);
    const r = o && CHECK[o[1]](v, o);
    if (!o) warnings.push(unknownMsg(k));
    else if (r === undefined) warnings.push(invalidMsg(k));
    else if (o[1] === 'obj') checkObject(k, r as Obj, (cfg[k] = cfg[k] || {}) as Obj, warnings);
    else cfg[k] = r;
  }
  for (const k of ['scriptId', 'siteId'] as const)
    if (!cfg[k] && (k === 'scriptId' ? cfg.transport !== 'rest' : cfg.transport !== 'es')) {
      errors.push(missingMsg(k));
      const i = warnings.indexOf(invalidMsg(k));
      if (i >= 0) warnings.splice(i, 1);
    }
  if (!cfg.scriptUrl && cfg.scriptId) cfg.scriptUrl = 'https://cdn.esputnik.com/scripts/' + cfg.scriptId + '.js';
  return errors.length ? { errors, warnings } : { config: cfg, errors, warnings };
}
