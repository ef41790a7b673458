import { isObj, own } from '../lib/obj';
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

/**
 * Each key of `raw` (the config, then each object option's own keys, at `at`) checked alone, so one
 * bad key keeps the others; what passes goes into `into`.
 */
function checkInto(raw: Obj, into: Obj, problems: ConfigProblem[], at = '') {
  for (const k in raw) {
    const v = raw[k];
    if (!own(raw, k) || v === undefined) continue;
    const path = at + k;
    const o = option(path);
    const r = o && CHECK[o[1]](v, o);
    if (!o) problems.push(['unknown', path]);
    else if (r === undefined) problems.push(['invalid', path]);
    else if (o[1] === 'obj') checkInto(r as Obj, (into[k] = into[k] || {}) as Obj, problems, path + '.');
    else into[k] = r;
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
  checkInto(isObj(input) ? input : {}, cfg, problems);
  // The ids the transport needs: missing, one error each, after every warning, and no warning about their value.
  const t = cfg.transport;
  const missing = (['scriptId', 'siteId'] as const).filter((k) => !cfg[k] && (k === 'scriptId' ? t !== 'rest' : t !== 'es'));
  const all = problems.filter((p) => missing.indexOf(p[1] as 'scriptId') < 0).concat(missing.map((k) => ['required', k]));
  if (!cfg.scriptUrl && cfg.scriptId) cfg.scriptUrl = 'https://cdn.esputnik.com/scripts/' + cfg.scriptId + '.js';
  return missing.length ? { problems: all } : { config: cfg, problems: all };
}

/** checkOptions with its problems worded: errors (required options missing) and warnings. */
export function checkConfig(input: unknown): Checked {
  const { config, problems } = checkOptions(input);
  const say = (errors: boolean) => problems.filter((p) => (p[0] === 'required') === errors).map(configMessage);
  return { config, errors: say(true), warnings: say(false) };
}
