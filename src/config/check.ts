import { isObj, own } from '../lib/obj';
import { isPageType } from '../lib/pageTypes';
import { configMessage } from './messages';
import { OPTIONS, option, type Kind, type Option } from './options';
import type { Checked, CheckedOptions, ConfigProblem, ResolvedConfig } from './types';

export type { Checked, CheckedOptions, ConfigProblem, ResolvedConfig };
export type { YespoConfig } from './types';

type Obj = Record<string, unknown>;
const copy = (v: unknown): unknown => (Array.isArray(v) ? v.slice() : isObj(v) ? { ...v } : v);

/** Every option's default, objects built from their options' defaults. */
export function defaults(): ResolvedConfig {
  const d: Obj = {};
  for (const [path, , def, , zero] of OPTIONS) {
    const [top, sub] = path.split('.');
    if (def === undefined || (zero && !__ZERO__)) continue;
    if (sub) ((d[top] = d[top] || {}) as Obj)[sub] = copy(def);
    else d[top] = copy(def);
  }
  return d as unknown as ResolvedConfig;
}


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
  enum: (v, o) => (o[3]!.indexOf(v as string) >= 0 ? v : undefined),
  strs,
  pattern: (v) => (str(v) ? [str(v)] : strs(v)),
  idnum: (v) => (typeof v === 'number' && isFinite(v) ? String(v) : str(v)),
  obj: (v) => (isObj(v) ? v : undefined),
  // The full build's options (the core build has neither).
  ...((__ZERO__
    ? {
        keys: (v: unknown, o: Option) => subset(v, o[3]!, 1),
        dataLayer: (v: unknown) => (v === true ? 'dataLayer' : v === false ? v : str(v)),
        // The resolved form lists the adapters switched off; false switches all of them off.
        platforms: (v: unknown, o: Option) =>
          v === true ? [] : v === false ? v : isObj(v) && subset(Object.keys(v), o[3]!, 0) && Object.keys(v).every((k) => typeof v[k] === 'boolean') ? Object.keys(v).filter((k) => !v[k]) : undefined,
      }
    : {}) as Record<'keys' | 'dataLayer' | 'platforms', (v: unknown, o: Option) => unknown>),
};

/** One object option's keys, each checked alone so one bad key keeps the others. */
function checkObject(k: string, v: Obj, into: Obj, problems: ConfigProblem[]) {
  for (const s in v) {
    if (!own(v, s) || v[s] === undefined) continue;
    const o = option(k + '.' + s);
    const r = o && (k !== 'pages' || isPageType(s)) ? CHECK[o[1]](v[s], o) : undefined;
    if (!o || (k === 'pages' && !isPageType(s))) problems.push(['unknown', k + '.' + s]);
    else if (r === undefined) problems.push(['invalid', k + '.' + s]);
    else into[s] = r;
  }
}

/**
 * Checks `window.yespoConfig` against the options table (zod stays out of the bundle; the same
 * table builds the zod schema in schema/config.ts). A missing required id is an error and the
 * tracker stays off; a bad optional value is a warning and its default is used. Problems come as
 * codes: the shop files word them only when there are some (messages.ts, a chunk there).
 */
export function checkOptions(input: unknown): CheckedOptions {
  const problems: ConfigProblem[] = [];
  const cfg = defaults() as unknown as Obj & ResolvedConfig;
  const raw = isObj(input) ? input : {};
  for (const k in raw) {
    const v = raw[k];
    if (!own(raw, k) || v === undefined) continue;
    const o = option(k);
    const r = o && CHECK[o[1]](v, o);
    if (!o) problems.push(['unknown', k]);
    else if (r === undefined) problems.push(['invalid', k]);
    else if (o[1] === 'obj') checkObject(k, r as Obj, (cfg[k] = cfg[k] || {}) as Obj, problems);
    else cfg[k] = r;
  }
  let off = false;
  for (const k of ['scriptId', 'siteId'] as const)
    if (!cfg[k] && (k === 'scriptId' ? cfg.transport !== 'rest' : cfg.transport !== 'es')) {
      // Required and missing: one error, after every warning, not also a warning about its value.
      const i = problems.findIndex((p) => p[1] === k);
      if (i >= 0) problems.splice(i, 1);
      problems.push(['required', k]);
      off = true;
    }
  if (!cfg.scriptUrl && cfg.scriptId) cfg.scriptUrl = 'https://cdn.esputnik.com/scripts/' + cfg.scriptId + '.js';
  return off ? { problems } : { config: cfg, problems };
}

/** checkOptions with its problems worded: errors (required options missing) and warnings. */
export function checkConfig(input: unknown): Checked {
  const { config, problems } = checkOptions(input);
  const say = (errors: boolean) => problems.filter((p) => (p[0] === 'required') === errors).map(configMessage);
  return { config, errors: say(true), warnings: say(false) };
}
