/**
 * An offline runner for Google Tag Manager web tag templates (`.tpl`), written for
 * gtm/template.tpl: GTM has none, and its editor is the only place a template's tests normally run.
 *
 * - `parseTemplate` splits the `___SECTION___`s and reads their JSON and YAML.
 * - `runTests` / `runScenario` run the `___TESTS___` scenarios as GTM's Tests tab does: the
 *   scenario code and the template code are sandboxed JavaScript in a fresh `node:vm` realm, with
 *   `mock`, `mockObject`, `runCode`, `assertApi`, `assertThat`, `fail` and `require`. Unmocked APIs
 *   check the template's `___WEB_PERMISSIONS___` and throw a `PermissionError` as GTM does; mocked
 *   ones do not (GTM's documented behaviour for tests).
 * - `fireTag` fires a tag made from the template, as GTM does on a page: the fields with the
 *   template's defaults, the editor's field validation, `{{variable}}` references resolved, and
 *   the effects the code asks for — `window` globals written, scripts to inject (with cache
 *   tokens), console lines — recorded on a `Page` for a test to apply in a real browser.
 * - `checkTemplate` reports what GTM's editor would refuse: missing sections, code outside
 *   sandboxed JavaScript (lint.ts), APIs whose permission is not declared, malformed permission
 *   configurations and parameters.
 *
 * The realm is cut down to what GTM offers: no page globals (`window`, `JSON`, `Math`, `Object`,
 * … are undefined inside the code; they come from `require`), strict mode (no `this`), and the
 * built-in prototypes trimmed to GTM's documented standard library, so `'x'.startsWith` or
 * `[].includes` fail here as they fail there. What cannot be checked offline is listed in
 * docs/gtm.md ("What the runner checks").
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { lintSandboxedJs, PAGE_GLOBALS } from './lint';
import { parseYaml } from './yaml';

export const TEMPLATE_FILE = fileURLToPath(new URL('../../gtm/template.tpl', import.meta.url));
export const METADATA_FILE = fileURLToPath(new URL('../../gtm/metadata.yaml', import.meta.url));
/** The page unmocked APIs run on in tests, and `fireTag`'s default: an https shop. */
export const DEFAULT_PAGE_URL = 'https://www.shop.example/';

type Fn = (...args: unknown[]) => unknown;
type Obj = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// The .tpl file

export const SECTIONS = [
  'TERMS_OF_SERVICE',
  'INFO',
  'TEMPLATE_PARAMETERS',
  'SANDBOXED_JS_FOR_WEB_TEMPLATE',
  'WEB_PERMISSIONS',
  'TESTS',
  'NOTES',
] as const;
const REQUIRED_SECTIONS = ['INFO', 'TEMPLATE_PARAMETERS', 'SANDBOXED_JS_FOR_WEB_TEMPLATE', 'WEB_PERMISSIONS'];

export interface Condition {
  paramName: string;
  paramValue?: unknown;
  type: string;
}

export interface Validator {
  type: string;
  args?: unknown[];
  errorMessage?: string;
  enablingConditions?: Condition[];
}

export interface TemplateParam {
  type: string;
  name: string;
  displayName?: string;
  defaultValue?: unknown;
  selectItems?: Array<{ value: unknown; displayValue: string }>;
  radioItems?: Array<{ value: unknown; displayValue: string }>;
  valueValidators?: Validator[];
  enablingConditions?: Condition[];
  subParams?: TemplateParam[];
  help?: string;
  checkboxText?: string;
  [key: string]: unknown;
}

export interface Scenario {
  name: string;
  code: string;
}

export interface Template {
  sections: Map<string, string>;
  info: Obj;
  params: TemplateParam[];
  code: string;
  permissions: Permissions;
  tests: { scenarios: Scenario[]; setup: string };
}

/** `___NAME___` lines start sections; returns name → body without the blank lines around it. */
export function splitSections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let name: string | undefined;
  let body: string[] = [];
  const close = () => {
    if (name === undefined) return;
    while (body.length && body[0].trim() === '') body.shift();
    while (body.length && body[body.length - 1].trim() === '') body.pop();
    out.set(name, body.join('\n'));
  };
  text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((line, n) => {
      const m = /^___([A-Z_]+)___\s*$/.exec(line);
      if (m) {
        close();
        if (out.has(m[1])) throw new Error(`line ${n + 1}: section ___${m[1]}___ appears twice`);
        name = m[1];
        body = [];
      } else if (name !== undefined) {
        body.push(line);
      } else if (line.trim() !== '') {
        throw new Error(`line ${n + 1}: text before the first ___SECTION___`);
      }
    });
  close();
  return out;
}

function json(sections: Map<string, string>, name: string): unknown {
  try {
    return JSON.parse(sections.get(name) ?? '');
  } catch (error) {
    throw new Error(`___${name}___ is not JSON: ${(error as Error).message}`);
  }
}

export function parseTemplate(text: string): Template {
  const sections = splitSections(text);
  for (const name of REQUIRED_SECTIONS) if (!sections.has(name)) throw new Error(`the template has no ___${name}___ section`);
  const info = json(sections, 'INFO');
  const params = json(sections, 'TEMPLATE_PARAMETERS');
  const permissions = json(sections, 'WEB_PERMISSIONS');
  if (!isObj(info)) throw new Error('___INFO___ must be a JSON object');
  if (!Array.isArray(params)) throw new Error('___TEMPLATE_PARAMETERS___ must be a JSON array');
  if (!Array.isArray(permissions)) throw new Error('___WEB_PERMISSIONS___ must be a JSON array');
  return {
    sections,
    info,
    params: params as TemplateParam[],
    code: sections.get('SANDBOXED_JS_FOR_WEB_TEMPLATE')!,
    permissions: new Permissions(permissions),
    tests: parseTests(sections.get('TESTS')),
  };
}

function parseTests(text: string | undefined): Template['tests'] {
  if (text === undefined || text.trim() === '') return { scenarios: [], setup: '' };
  const tests = parseYaml(text);
  if (!isObj(tests)) throw new Error('___TESTS___ must be a YAML mapping');
  const scenarios = tests.scenarios ?? [];
  if (!Array.isArray(scenarios)) throw new Error('___TESTS___ scenarios must be a list');
  const setup = tests.setup ?? '';
  if (typeof setup !== 'string') throw new Error('___TESTS___ setup must be text');
  return {
    setup,
    scenarios: scenarios.map((s, n) => {
      if (!isObj(s) || typeof s.name !== 'string' || typeof s.code !== 'string') {
        throw new Error(`___TESTS___ scenario ${n + 1} needs a name and code`);
      }
      return { name: s.name, code: s.code };
    }),
  };
}

export const loadTemplate = (file = TEMPLATE_FILE): Template => parseTemplate(readFileSync(file, 'utf8'));

/** Every parameter, the ones inside GROUPs included (their values sit at the top of `data`). */
export function allParams(params: TemplateParam[]): TemplateParam[] {
  return params.flatMap((p) => [p, ...(p.type === 'GROUP' ? allParams(p.subParams ?? []) : [])]);
}

// ---------------------------------------------------------------------------------------------
// Permissions

export class PermissionError extends Error {
  constructor(
    readonly permission: string,
    message: string,
  ) {
    super(`Permission denied (${permission}): ${message}`);
    this.name = 'PermissionError';
  }
}

interface GtmValue {
  type: number;
  string?: string;
  boolean?: boolean;
  listItem?: GtmValue[];
  mapKey?: GtmValue[];
  mapValue?: GtmValue[];
}

/** A permission parameter value as GTM stores it (1 string, 2 list, 3 map, 8 boolean) → plain JS. */
export function decodeValue(v: GtmValue): unknown {
  switch (v.type) {
    case 1:
      return v.string ?? '';
    case 2:
      return (v.listItem ?? []).map(decodeValue);
    case 3: {
      const out: Obj = {};
      (v.mapKey ?? []).forEach((k, n) => (out[String(decodeValue(k))] = decodeValue((v.mapValue ?? [])[n])));
      return out;
    }
    case 8:
      return v.boolean === true;
    default:
      throw new Error(`permission value type ${v.type} is not known to this runner`);
  }
}

interface CheckContext {
  pageUrl: string;
  environment: 'debug' | 'live';
}

interface PermissionKind {
  /** Why the request is refused, or undefined when the configuration allows it. */
  check(config: Obj, args: unknown[], ctx: CheckContext): string | undefined;
  /** What is wrong with the configuration itself. */
  validate(config: Obj): string[];
}

/** A `https://host/path` match pattern: host `*`, `*.domain` (subdomains only) or a host[:port]; `*` in the path matches anything. */
export function parseUrlPattern(pattern: string): { host: string; path: RegExp } | string {
  const m = /^https:\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return `"${pattern}" is not an https://host/path pattern`;
  const host = m[1].toLowerCase();
  const label = '[a-z0-9]([a-z0-9-]*[a-z0-9])?';
  const domain = `${label}(\\.${label})*`;
  if (!(host === '*' || new RegExp(`^\\*\\.${domain}$`).test(host) || new RegExp(`^${domain}(:[0-9]+)?$`).test(host))) {
    return `"${pattern}" has a host that is neither *, *.domain nor a host name`;
  }
  if (/[\s#]/.test(m[2])) return `"${pattern}" has a space or # in its path`;
  const path = new RegExp('^' + m[2].split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return { host, path };
}

/**
 * Whether a script URL matches a pattern. The URL is resolved against the page first (a
 * root-relative /path is requested from the page's own origin); it must then be https, with no
 * user or password; the pattern's path is matched against the URL's path and query.
 */
export function urlMatches(pattern: string, url: string, pageUrl: string): boolean {
  const p = parseUrlPattern(pattern);
  if (typeof p === 'string') return false;
  let u: URL;
  try {
    u = new URL(url, pageUrl);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return false;
  const host = u.host.toLowerCase();
  const hostOk = p.host === '*' || (p.host.startsWith('*.') ? host.endsWith(p.host.slice(1)) : host === p.host);
  return hostOk && p.path.test(u.pathname + u.search);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** First tokens GTM refuses in access_globals keys: browser-defined globals and JavaScript keywords (the common ones). */
const PREDEFINED = new Set([
  ...Object.keys(PAGE_GLOBALS),
  'var', 'let', 'const', 'function', 'return', 'if', 'else', 'for', 'while', 'do', 'new', 'this', 'typeof', 'delete', 'void', 'in',
  'instanceof', 'null', 'true', 'false', 'undefined', 'NaN', 'Infinity', 'name', 'history', 'screen', 'performance', 'crypto',
  'indexedDB', 'caches', 'open', 'close', 'opener', 'frames', 'top', 'parent', 'self', 'length', 'status', 'origin',
]);

const KINDS: Record<string, PermissionKind> = {
  access_globals: {
    check(config, [mode, key]) {
      const keys = (config.keys ?? []) as Obj[];
      const entry = keys.find((k) => k.key === key);
      if (!entry) return `"${String(key)}" is not among the keys this template may access (${keys.map((k) => k.key).join(', ') || 'none'})`;
      const need = mode === 'readwrite' ? ['read', 'write'] : [String(mode)];
      const missing = need.filter((m) => entry[m] !== true);
      return missing.length ? `"${String(key)}" may not be ${missing.map((m) => (m === 'execute' ? 'executed' : m === 'write' ? 'written' : 'read')).join(' or ')}` : undefined;
    },
    validate(config) {
      const keys = config.keys;
      if (!Array.isArray(keys)) return ['access_globals needs a list of keys'];
      return keys.flatMap((k: unknown) => {
        if (!isObj(k) || typeof k.key !== 'string') return ['access_globals: an entry without a key'];
        const problems: string[] = [];
        const parts = k.key.split('.');
        if (!parts.every((p) => IDENTIFIER.test(p))) problems.push(`access_globals: "${k.key}" is not a dot-separated path`);
        if (PREDEFINED.has(parts[0])) problems.push(`access_globals: "${k.key}" starts with a predefined browser global or keyword`);
        for (const m of ['read', 'write', 'execute']) if (typeof k[m] !== 'boolean') problems.push(`access_globals: "${k.key}" has no ${m} flag`);
        if (k.read !== true && k.write !== true && k.execute !== true) problems.push(`access_globals: "${k.key}" allows nothing`);
        return problems;
      });
    },
  },
  inject_script: {
    check(config, [url], ctx) {
      if (typeof url !== 'string') return 'the script URL is not a string';
      const urls = (config.urls ?? []) as string[];
      if (urls.some((p) => urlMatches(p, url, ctx.pageUrl))) return undefined;
      let resolved = url;
      try {
        resolved = new URL(url, ctx.pageUrl).href;
      } catch {
        // reported as given
      }
      const shown = resolved === url ? `"${url}"` : `"${url}" (${resolved} on ${ctx.pageUrl})`;
      return `${shown} matches none of the allowed URL patterns (${urls.join(', ') || 'none'})`;
    },
    validate(config) {
      const urls = config.urls;
      if (!Array.isArray(urls) || urls.length === 0) return ['inject_script needs at least one URL pattern'];
      return urls.flatMap((u: unknown) => {
        const p = typeof u === 'string' ? parseUrlPattern(u) : 'a URL pattern that is not text';
        return typeof p === 'string' ? [`inject_script: ${p}`] : [];
      });
    },
  },
  logging: {
    check(config, _args, ctx) {
      if (config.environments === 'all') return undefined;
      if (config.environments === 'debug' && ctx.environment === 'debug') return undefined;
      return 'logging is allowed in debug (Preview) only';
    },
    validate(config) {
      return config.environments === 'debug' || config.environments === 'all' ? [] : ['logging: environments must be "debug" or "all"'];
    },
  },
};

export class Permissions {
  readonly configs = new Map<string, Obj>();
  readonly problems: string[] = [];

  constructor(declarations: unknown[]) {
    declarations.forEach((d, n) => {
      const instance = isObj(d) ? d.instance : undefined;
      const key = isObj(instance) ? instance.key : undefined;
      const id = isObj(key) ? key.publicId : undefined;
      if (typeof id !== 'string') {
        this.problems.push(`permission ${n + 1} has no instance.key.publicId`);
        return;
      }
      if (!isObj(key) || key.versionId !== '1') this.problems.push(`${id}: instance.key.versionId must be "1"`);
      if (this.configs.has(id)) this.problems.push(`${id} is declared twice`);
      const config: Obj = {};
      const params = isObj(instance) && Array.isArray(instance.param) ? instance.param : [];
      for (const p of params) {
        if (isObj(p) && typeof p.key === 'string' && isObj(p.value)) config[p.key] = decodeValue(p.value as unknown as GtmValue);
      }
      this.configs.set(id, config);
      const kind = KINDS[id];
      if (!kind) this.problems.push(`${id}: this runner does not emulate that permission`);
      else this.problems.push(...kind.validate(config));
    });
  }

  has(id: string): boolean {
    return this.configs.has(id);
  }

  /** Why GTM would refuse the request, or undefined when it is allowed. */
  reason(id: string, args: unknown[], ctx: CheckContext): string | undefined {
    const config = this.configs.get(id);
    if (!config) return `the template does not declare the ${id} permission`;
    const kind = KINDS[id];
    if (!kind) return `this runner does not emulate the ${id} permission`;
    return kind.check(config, args, ctx);
  }

  assert(id: string, args: unknown[], ctx: CheckContext): void {
    const why = this.reason(id, args, ctx);
    if (why !== undefined) throw new PermissionError(id, why);
  }
}

// ---------------------------------------------------------------------------------------------
// The page a tag runs on

export class InjectedScript {
  state: 'pending' | 'loaded' | 'failed' = 'pending';
  private waiting: Array<{ onSuccess?: unknown; onFailure?: unknown }> = [];

  constructor(
    /** The URL exactly as the code passed it (what GTM puts in the script element's src). */
    readonly url: string,
    /** The URL the browser requests: `url` resolved against the page. */
    readonly resolvedUrl: string,
    readonly cacheToken: string | undefined,
  ) {}

  /** Queues the callbacks of one injectScript call; called at once if the script has already settled. */
  listen(onSuccess: unknown, onFailure: unknown): void {
    if (this.state === 'pending') this.waiting.push({ onSuccess, onFailure });
    else callIf(this.state === 'loaded' ? onSuccess : onFailure);
  }

  /** The browser loaded the script: every onSuccess waiting for it runs. */
  load(): void {
    this.settle('loaded');
  }

  /** The browser could not load the script: every onFailure waiting for it runs. */
  fail(): void {
    this.settle('failed');
  }

  private settle(state: 'loaded' | 'failed') {
    if (this.state !== 'pending') throw new Error(`${this.url} has already ${this.state}`);
    this.state = state;
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) callIf(state === 'loaded' ? w.onSuccess : w.onFailure);
  }
}

const callIf = (f: unknown) => {
  if (typeof f === 'function') f();
};

export interface Page {
  url: string;
  environment: 'debug' | 'live';
  /** The page's `window`, as far as templates wrote to it (native values). */
  window: Obj;
  /** Scripts injected on this page, in order; one per cache token. */
  scripts: InjectedScript[];
  /** logToConsole lines that the logging permission let through. */
  logs: unknown[][];
}

export function createPage(options: { url?: string; environment?: 'debug' | 'live'; window?: Obj } = {}): Page {
  return { url: options.url ?? DEFAULT_PAGE_URL, environment: options.environment ?? 'live', window: options.window ?? {}, scripts: [], logs: [] };
}

// ---------------------------------------------------------------------------------------------
// The sandbox realm

/** GTM's standard library: the only methods left on the built-in prototypes. */
const STANDARD_LIBRARY: Record<string, string[]> = {
  Array: ['concat', 'every', 'filter', 'forEach', 'indexOf', 'join', 'lastIndexOf', 'map', 'pop', 'push', 'reduce', 'reduceRight', 'reverse', 'shift', 'slice', 'some', 'sort', 'splice', 'toString', 'unshift', 'length'],
  String: ['charAt', 'concat', 'indexOf', 'lastIndexOf', 'match', 'replace', 'search', 'slice', 'split', 'substring', 'toLowerCase', 'toLocaleLowerCase', 'toString', 'toUpperCase', 'toLocaleUpperCase', 'trim', 'length'],
  Object: ['toString'],
  Boolean: ['toString'],
  Number: ['toString'],
};

const REALM_SETUP = `(function (keep) {
  Object.keys(keep).forEach(function (name) {
    var proto = globalThis[name].prototype;
    Object.getOwnPropertyNames(proto).forEach(function (key) {
      if (keep[name].indexOf(key) < 0) delete proto[key];
    });
  });
  return function copyIn(v) {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      var a = [];
      for (var i = 0; i < v.length; i++) a.push(copyIn(v[i]));
      return a;
    }
    var o = {};
    var keys = Object.keys(v);
    for (var k = 0; k < keys.length; k++) o[keys[k]] = copyIn(v[keys[k]]);
    return o;
  };
})`;

/** Globals the code must not see: shadowed by parameters that stay undefined. */
const SHADOWED = Object.keys(PAGE_GLOBALS).filter((n) => n !== 'arguments');
const TIMEOUT_MS = 2000;

class Realm {
  private readonly context = vm.createContext({});
  /** Copies a host value into this realm (objects and arrays rebuilt here, functions kept). */
  readonly copyIn: (v: unknown) => unknown;
  private depth = 0;

  constructor() {
    const setup = vm.runInContext(REALM_SETUP, this.context) as (keep: unknown) => (v: unknown) => unknown;
    this.copyIn = setup(JSON.parse(JSON.stringify(STANDARD_LIBRARY)));
  }

  /**
   * The code as the body of a strict-mode function taking `params`, inside a scope where the
   * page's globals are parameters left undefined (so `const JSON = require('JSON')` still works).
   */
  compile(code: string, params: string[], filename: string): Fn {
    const source = `(function (${SHADOWED.join(', ')}) {"use strict"; return function (${params.join(', ')}) {\n${code}\n}; })()`;
    return vm.runInContext(source, this.context, { filename, timeout: TIMEOUT_MS }) as Fn;
  }

  /** Calls sandboxed code; the outermost call is stopped after TIMEOUT_MS. */
  call(fn: Fn, args: unknown[]): unknown {
    if (this.depth > 0) return fn(...args);
    this.depth++;
    const ctx = this.context as Obj;
    ctx.__call = () => fn(...args);
    try {
      return vm.runInContext('__call()', this.context, { timeout: TIMEOUT_MS });
    } finally {
      delete ctx.__call;
      this.depth--;
    }
  }
}

/** A copy of a sandbox value made of host objects (functions kept as they are). */
export function copyOut(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copyOut);
  const out: Obj = {};
  for (const k of Object.keys(v)) out[k] = copyOut((v as Obj)[k]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// APIs

interface Env {
  template: Template;
  page: Page;
  realm: Realm;
  /** Scripts and writes of the current firing (fireTag), when there is one. */
  run?: TagRun;
}

interface Api {
  /** The permission the API is gated by (the editor requires it to be declared). */
  permission?: string;
  /** An object of functions rather than a function (mockObject replaces it). */
  object?: boolean;
  make(env: Env): unknown;
}

const ctxOf = (env: Env): CheckContext => ({ pageUrl: env.page.url, environment: env.page.environment });

function windowPath(win: Obj, path: string): { parent: Obj | undefined; key: string } {
  const parts = path.split('.');
  let parent: unknown = win;
  for (const p of parts.slice(0, -1)) parent = isObj(parent) || typeof parent === 'function' ? (parent as Obj)[p] : undefined;
  return { parent: isObj(parent) || typeof parent === 'function' ? (parent as Obj) : undefined, key: parts[parts.length - 1] };
}

const APIS: Record<string, Api> = {
  injectScript: {
    permission: 'inject_script',
    make: (env) => (url: unknown, onSuccess: unknown, onFailure: unknown, cacheToken: unknown) => {
      env.template.permissions.assert('inject_script', [url], ctxOf(env));
      const token = cacheToken === undefined || cacheToken === null ? undefined : String(cacheToken);
      let script = token === undefined ? undefined : env.page.scripts.find((s) => s.cacheToken === token);
      if (!script) {
        script = new InjectedScript(String(url), new URL(String(url), env.page.url).href, token);
        env.page.scripts.push(script);
      }
      if (env.run && !env.run.injected.includes(script)) env.run.injected.push(script);
      script.listen(onSuccess, onFailure);
    },
  },
  setInWindow: {
    permission: 'access_globals',
    make: (env) => (key: unknown, value: unknown, overrideExisting: unknown) => {
      env.template.permissions.assert('access_globals', ['write', key], ctxOf(env));
      const parts = String(key).split('.');
      let parent: Obj = env.page.window;
      for (const p of parts.slice(0, -1)) {
        if (!isObj(parent[p])) parent[p] = {};
        parent = parent[p] as Obj;
      }
      const last = parts[parts.length - 1];
      if (parent[last] !== undefined && overrideExisting !== true) return false;
      parent[last] = copyOut(value);
      env.run?.writes.push({ key: String(key), value: copyOut(value) });
      return true;
    },
  },
  copyFromWindow: {
    permission: 'access_globals',
    make: (env) => (key: unknown) => {
      env.template.permissions.assert('access_globals', ['read', key], ctxOf(env));
      const { parent, key: last } = windowPath(env.page.window, String(key));
      return env.realm.copyIn(parent?.[last]);
    },
  },
  callInWindow: {
    permission: 'access_globals',
    make: (env) => (key: unknown, ...args: unknown[]) => {
      env.template.permissions.assert('access_globals', ['execute', key], ctxOf(env));
      const { parent, key: last } = windowPath(env.page.window, String(key));
      const fn = parent?.[last];
      if (typeof fn !== 'function') return undefined;
      return env.realm.copyIn(fn.apply(parent, args.map(copyOut)));
    },
  },
  createQueue: {
    permission: 'access_globals',
    make: (env) => (key: unknown) => {
      env.template.permissions.assert('access_globals', ['readwrite', key], ctxOf(env));
      const { parent, key: last } = windowPath(env.page.window, String(key));
      if (!parent) return undefined;
      if (parent[last] === undefined) parent[last] = [];
      const queue = parent[last];
      return Array.isArray(queue) ? (value: unknown) => queue.push(copyOut(value)) : undefined;
    },
  },
  logToConsole: {
    permission: 'logging',
    make: (env) => (...args: unknown[]) => {
      if (!env.template.permissions.has('logging')) throw new PermissionError('logging', 'the template does not declare the logging permission');
      // As in GTM: outside the allowed environments the line is dropped, not an error.
      if (env.template.permissions.reason('logging', [], ctxOf(env)) === undefined) env.page.logs.push(args.map(copyOut));
    },
  },
  queryPermission: {
    make: (env) => (id: unknown, ...args: unknown[]) => env.template.permissions.reason(String(id), args, ctxOf(env)) === undefined,
  },
  makeString: { make: () => (v: unknown) => String(v) },
  makeNumber: { make: () => (v: unknown) => Number(v) },
  makeInteger: { make: () => (v: unknown) => Math.trunc(Number(v)) },
  getType: { make: () => (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v) },
  encodeUri: { make: () => (v: unknown) => encodeURI(String(v)) },
  encodeUriComponent: { make: () => (v: unknown) => encodeURIComponent(String(v)) },
  decodeUri: { make: () => (v: unknown) => decodeURI(String(v)) },
  decodeUriComponent: { make: () => (v: unknown) => decodeURIComponent(String(v)) },
  getTimestampMillis: { make: () => () => Date.now() },
  getTimestamp: { make: () => () => Date.now() },
  generateRandom: { make: () => (min: unknown, max: unknown) => Math.floor(Number(min) + Math.random() * (Number(max) - Number(min) + 1)) },
  JSON: {
    object: true,
    make: (env) => ({
      parse: (s: unknown) => {
        try {
          return env.realm.copyIn(JSON.parse(String(s)));
        } catch {
          return undefined;
        }
      },
      stringify: (v: unknown) => JSON.stringify(copyOut(v)),
    }),
  },
  Math: {
    object: true,
    make: () => ({ abs: Math.abs, ceil: Math.ceil, floor: Math.floor, max: Math.max, min: Math.min, pow: Math.pow, random: Math.random, round: Math.round, sqrt: Math.sqrt }),
  },
  Object: {
    object: true,
    make: (env) => ({
      keys: (o: unknown) => env.realm.copyIn(isObj(o) || Array.isArray(o) ? Object.keys(o) : []),
      values: (o: unknown) => env.realm.copyIn(isObj(o) || Array.isArray(o) ? Object.values(o) : []),
      entries: (o: unknown) => env.realm.copyIn(isObj(o) || Array.isArray(o) ? Object.entries(o) : []),
      freeze: (o: unknown) => (isObj(o) ? Object.freeze(o) : o),
      delete: (o: unknown, k: unknown) => (isObj(o) ? delete o[String(k)] : false),
    }),
  },
};

export const EMULATED_APIS = Object.keys(APIS);

function unknownApi(name: string): never {
  throw new Error(`require('${name}'): not an API this runner emulates (${EMULATED_APIS.join(', ')})`);
}

function runTemplateCode(env: Env, compiled: Fn, data: unknown, requireApi: (name: unknown) => unknown): unknown {
  return env.realm.call(compiled, [data, requireApi]);
}

// ---------------------------------------------------------------------------------------------
// Tests (___TESTS___)

export class AssertionFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionFailure';
  }
}

export interface ScenarioResult {
  name: string;
  passed: boolean;
  error?: string;
  logs: unknown[][];
}

const show = (v: unknown): string => {
  if (typeof v === 'function') return 'function';
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(copyOut(v), (_k, x) => (typeof x === 'function' ? '[function]' : x === undefined ? '[undefined]' : x));
  } catch {
    return String(v);
  }
};

/** Structural equality across realms: same types, same array items, same own keys; functions by identity. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Obj)[k], (b as Obj)[k]));
}

function subject(actual: unknown, message?: unknown) {
  const check = (ok: boolean, expectation: string) => {
    if (!ok) throw new AssertionFailure(`${message ? String(message) + ': ' : ''}expected ${show(actual)} ${expectation}`);
  };
  const len = () => (typeof actual === 'string' || Array.isArray(actual) ? actual.length : undefined);
  const contains = (item: unknown) => (typeof actual === 'string' ? actual.indexOf(String(item)) >= 0 : Array.isArray(actual) && actual.some((x) => deepEqual(x, item)));
  const s = {
    isEqualTo: (e: unknown) => check(deepEqual(actual, e), `to equal ${show(e)}`),
    isNotEqualTo: (e: unknown) => check(!deepEqual(actual, e), `not to equal ${show(e)}`),
    isStrictlyEqualTo: (e: unknown) => check(actual === e, `to be strictly equal to ${show(e)}`),
    isNotStrictlyEqualTo: (e: unknown) => check(actual !== e, `not to be strictly equal to ${show(e)}`),
    isDefined: () => check(actual !== undefined, 'to be defined'),
    isUndefined: () => check(actual === undefined, 'to be undefined'),
    isNull: () => check(actual === null, 'to be null'),
    isNotNull: () => check(actual !== null, 'not to be null'),
    isTrue: () => check(actual === true, 'to be true'),
    isFalse: () => check(actual === false, 'to be false'),
    isTruthy: () => check(!!actual, 'to be truthy'),
    isFalsy: () => check(!actual, 'to be falsy'),
    isNaN: () => check(typeof actual === 'number' && Number.isNaN(actual), 'to be NaN'),
    isNotNaN: () => check(!(typeof actual === 'number' && Number.isNaN(actual)), 'not to be NaN'),
    isInfinity: () => check(actual === Infinity || actual === -Infinity, 'to be infinite'),
    isNotInfinity: () => check(actual !== Infinity && actual !== -Infinity, 'not to be infinite'),
    isGreaterThan: (e: unknown) => check((actual as number) > (e as number), `to be greater than ${show(e)}`),
    isGreaterThanOrEqualTo: (e: unknown) => check((actual as number) >= (e as number), `to be at least ${show(e)}`),
    isLessThan: (e: unknown) => check((actual as number) < (e as number), `to be less than ${show(e)}`),
    isLessThanOrEqualTo: (e: unknown) => check((actual as number) <= (e as number), `to be at most ${show(e)}`),
    contains: (...items: unknown[]) => check(items.every(contains), `to contain ${items.map(show).join(', ')}`),
    doesNotContain: (...items: unknown[]) => check(!items.some(contains), `not to contain ${items.map(show).join(', ')}`),
    containsExactly: (...items: unknown[]) => check(deepEqual(actual, items), `to contain exactly ${items.map(show).join(', ')}`),
    doesNotContainExactly: (...items: unknown[]) => check(!deepEqual(actual, items), `not to contain exactly ${items.map(show).join(', ')}`),
    hasLength: (n: unknown) => check(len() === n, `to have length ${show(n)}`),
    isEmpty: () => check(len() === 0 || (isObj(actual) && Object.keys(actual).length === 0), 'to be empty'),
    isNotEmpty: () => check((len() ?? (isObj(actual) ? Object.keys(actual).length : 0)) > 0, 'not to be empty'),
    isArray: () => check(Array.isArray(actual), 'to be an array'),
    isBoolean: () => check(typeof actual === 'boolean', 'to be a boolean'),
    isFunction: () => check(typeof actual === 'function', 'to be a function'),
    isNumber: () => check(typeof actual === 'number', 'to be a number'),
    isObject: () => check(isObj(actual), 'to be an object'),
    isString: () => check(typeof actual === 'string', 'to be a string'),
  };
  return s;
}

/** Runs one scenario as GTM's Tests tab does; a thrown error or failed assertion fails it. */
export function runScenario(template: Template, scenario: Scenario, options: { pageUrl?: string; environment?: 'debug' | 'live' } = {}): ScenarioResult {
  const page = createPage({ url: options.pageUrl, environment: options.environment ?? 'debug' });
  const realm = new Realm();
  const env: Env = { template, page, realm };
  const calls = new Map<string, unknown[][]>();
  const mocks = new Map<string, unknown>();
  const record = (name: string, args: unknown[]) => {
    if (!calls.has(name)) calls.set(name, []);
    calls.get(name)!.push(args.map((a) => (typeof a === 'function' ? a : copyOut(a))));
  };
  const real = new Map<string, unknown>();
  const requireApi = (name: unknown): unknown => {
    const id = String(name);
    const api = APIS[id] ?? unknownApi(id);
    if (api.object) return mocks.has(id) ? mocks.get(id) : (real.get(id) ?? real.set(id, api.make(env)).get(id));
    return (...args: unknown[]) => {
      record(id, args);
      if (mocks.has(id)) {
        const m = mocks.get(id);
        return typeof m === 'function' ? m(...args) : m;
      }
      if (!real.has(id)) real.set(id, api.make(env));
      return (real.get(id) as Fn)(...args);
    };
  };
  const compiled = realm.compile(template.code, ['data', 'require'], 'template.tpl (___SANDBOXED_JS_FOR_WEB_TEMPLATE___)');
  const runCode = (data: unknown) => {
    const input: Obj = isObj(data) ? (copyOut(data) as Obj) : {};
    input.gtmOnSuccess = () => record('gtmOnSuccess', []);
    input.gtmOnFailure = () => record('gtmOnFailure', []);
    return runTemplateCode(env, compiled, realm.copyIn(input), requireApi);
  };
  const mock = (name: unknown, value: unknown) => {
    const api = APIS[String(name)] ?? unknownApi(String(name));
    if (api.object) throw new Error(`mock('${String(name)}'): an object API; use mockObject`);
    mocks.set(String(name), value);
  };
  const mockObject = (name: unknown, value: unknown) => {
    const api = APIS[String(name)] ?? unknownApi(String(name));
    if (!api.object) throw new Error(`mockObject('${String(name)}'): not an object API; use mock`);
    mocks.set(String(name), value);
  };
  const assertApi = (name: unknown) => {
    const id = String(name);
    const made = () => calls.get(id) ?? [];
    const list = () => made().map((args) => '(' + args.map(show).join(', ') + ')').join(', ');
    return {
      wasCalled: () => {
        if (!made().length) throw new AssertionFailure(`expected ${id} to be called, but it was not`);
      },
      wasNotCalled: () => {
        if (made().length) throw new AssertionFailure(`expected ${id} not to be called, but it was called ${made().length} time(s): ${list()}`);
      },
      wasCalledWith: (...expected: unknown[]) => {
        if (!made().some((args) => deepEqual(args, expected))) {
          throw new AssertionFailure(`expected ${id} to be called with (${expected.map(show).join(', ')}); calls: ${list() || 'none'}`);
        }
      },
      wasNotCalledWith: (...expected: unknown[]) => {
        if (made().some((args) => deepEqual(args, expected))) throw new AssertionFailure(`expected ${id} not to be called with (${expected.map(show).join(', ')})`);
      },
    };
  };
  const assertThat = (actual: unknown, message?: unknown) => subject(actual, message);
  const fail = (message?: unknown) => {
    throw new AssertionFailure(message === undefined ? 'fail() was called' : String(message));
  };
  try {
    const code = (template.tests.setup ? template.tests.setup + '\n' : '') + scenario.code;
    const fn = realm.compile(code, ['mock', 'mockObject', 'runCode', 'assertApi', 'assertThat', 'fail', 'require'], `___TESTS___: ${scenario.name}`);
    realm.call(fn, [mock, mockObject, runCode, assertApi, assertThat, fail, requireApi]);
    return { name: scenario.name, passed: true, logs: page.logs };
  } catch (error) {
    return { name: scenario.name, passed: false, error: errorText(error), logs: page.logs };
  }
}

export const runTests = (template: Template, options?: { pageUrl?: string }): ScenarioResult[] =>
  template.tests.scenarios.map((s) => runScenario(template, s, options));

// ---------------------------------------------------------------------------------------------
// Firing a tag

export interface TagRun {
  /** gtmOnSuccess / gtmOnFailure, the first one called; pending until one is. */
  outcome: 'pending' | 'success' | 'failure';
  /** What the code threw (GTM then marks the tag as failed). */
  error?: Error;
  /** The values the code got in `data` (defaults filled in, variables resolved). */
  data: Obj;
  page: Page;
  /** Scripts this firing asked for (new ones, or ones it joined through a cache token). */
  injected: InjectedScript[];
  /** setInWindow calls of this firing that took effect (native values). */
  writes: Array<{ key: string; value: unknown }>;
}

export interface FireOptions {
  /** The page to fire on (globals and scripts of earlier firings stay); a new one otherwise. */
  page?: Page;
  pageUrl?: string;
  environment?: 'debug' | 'live';
  /** Values of the `{{Variable}}` references in the fields. */
  variables?: Obj;
  /** Refuse fields the template editor would not save (default true). */
  validate?: boolean;
}

/** The tag's `data`: each parameter's default, then the fields given; a disabled parameter is left out. */
export function tagData(template: Template, fields: Obj): Obj {
  const params = allParams(template.params).filter((p) => p.type !== 'GROUP' && p.type !== 'LABEL');
  const names = new Set(params.map((p) => p.name));
  for (const k of Object.keys(fields)) if (!names.has(k)) throw new Error(`the template has no field "${k}"`);
  const data: Obj = {};
  for (const p of params) {
    if (Object.prototype.hasOwnProperty.call(fields, p.name)) data[p.name] = fields[p.name];
    else if (p.defaultValue !== undefined) data[p.name] = p.defaultValue;
    else if (p.type === 'CHECKBOX') data[p.name] = false;
  }
  for (const p of params) if (!enabled(p.enablingConditions, data)) delete data[p.name];
  return data;
}

/** `{{Name}}` references: a field that is one reference takes the variable's value, otherwise its text. */
export function resolveVariables(data: Obj, variables: Obj): Obj {
  const value = (name: string) => {
    if (!Object.prototype.hasOwnProperty.call(variables, name)) throw new Error(`unknown variable {{${name}}}: GTM would not publish the container`);
    return variables[name];
  };
  const out: Obj = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v !== 'string') out[k] = v;
    else {
      const whole = /^\{\{([^{}]+)\}\}$/.exec(v);
      out[k] = whole ? value(whole[1]) : v.replace(/\{\{([^{}]+)\}\}/g, (_m, name: string) => String(value(name)));
    }
  }
  return out;
}

/**
 * Fires a tag made from the template with these field values, as GTM would on `page`: the
 * returned run holds the outcome and the effects (scripts on `run.injected`, whose `load()` or
 * `fail()` stands for the browser's answer and calls the tag back).
 */
export function fireTag(template: Template, fields: Obj, options: FireOptions = {}): TagRun {
  const page = options.page ?? createPage({ url: options.pageUrl, environment: options.environment });
  const data = tagData(template, fields);
  if (options.validate !== false) {
    const problems = validateFields(template, data);
    if (problems.length) throw new Error(`GTM would not save this tag: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  }
  const resolved = resolveVariables(data, options.variables ?? {});
  const run: TagRun = { outcome: 'pending', data: resolved, page, injected: [], writes: [] };
  const realm = new Realm();
  const env: Env = { template, page, realm, run };
  const made = new Map<string, unknown>();
  const requireApi = (name: unknown) => {
    const id = String(name);
    if (!made.has(id)) made.set(id, (APIS[id] ?? unknownApi(id)).make(env));
    return made.get(id);
  };
  const settle = (outcome: 'success' | 'failure') => () => {
    if (run.outcome === 'pending') run.outcome = outcome;
  };
  try {
    const compiled = realm.compile(template.code, ['data', 'require'], 'template.tpl (___SANDBOXED_JS_FOR_WEB_TEMPLATE___)');
    runTemplateCode(env, compiled, realm.copyIn({ ...resolved, gtmOnSuccess: settle('success'), gtmOnFailure: settle('failure') }), requireApi);
  } catch (error) {
    run.error = error instanceof Error ? error : new Error(errorText(error));
    if (run.outcome === 'pending') run.outcome = 'failure';
  }
  return run;
}

// ---------------------------------------------------------------------------------------------
// Field validation (what the tag editor refuses to save)

export interface FieldProblem {
  field: string;
  validator: string;
  message: string;
}

function enabled(conditions: Condition[] | undefined, data: Obj): boolean {
  // Every condition must hold (the template uses one per field, where "all" and "any" agree).
  return (conditions ?? []).every((c) => {
    const v = data[c.paramName];
    switch (c.type) {
      case 'EQUALS':
        return v === c.paramValue;
      case 'NOT_EQUALS':
        return v !== c.paramValue;
      case 'PRESENT':
        return v !== undefined && v !== '' && v !== false;
      case 'NOT_PRESENT':
        return v === undefined || v === '' || v === false;
      default:
        throw new Error(`enabling condition type ${c.type} is not known to this runner`);
    }
  });
}

const VALIDATORS: Record<string, (v: unknown, args: unknown[]) => boolean> = {
  NON_EMPTY: (v) => v !== undefined && v !== null && String(v).trim() !== '',
  REGEX: (v, [re]) => new RegExp(`^(?:${String(re)})$`).test(v === undefined || v === null ? '' : String(v)),
  STRING_LENGTH: (v, [min, max]) => {
    const n = v === undefined || v === null ? 0 : String(v).length;
    return n >= Number(min ?? 0) && (max === undefined || n <= Number(max));
  },
  NUMBER: (v) => String(v ?? '').trim() !== '' && !Number.isNaN(Number(v)),
  POSITIVE_NUMBER: (v) => Number(v) > 0,
  NON_NEGATIVE_NUMBER: (v) => Number(v) >= 0,
};

/** What the tag editor would refuse to save: each enabled field's enabled validators. */
export function validateFields(template: Template, data: Obj): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const p of allParams(template.params)) {
    if (!enabled(p.enablingConditions, data)) continue;
    for (const v of p.valueValidators ?? []) {
      if (!enabled(v.enablingConditions, data)) continue;
      const test = VALIDATORS[v.type];
      if (!test) throw new Error(`validator type ${v.type} is not known to this runner`);
      if (!test(data[p.name], v.args ?? [])) problems.push({ field: p.name, validator: v.type, message: v.errorMessage ?? `${v.type} failed` });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Static checks (what the template editor refuses)

const TOS_URL = 'https://developers.google.com/tag-manager/gallery-tos';
const PARAM_TYPES = new Set(['TEXT', 'SELECT', 'CHECKBOX', 'RADIO', 'GROUP', 'LABEL', 'PARAM_TABLE', 'SIMPLE_TABLE']);

export function checkTemplate(template: Template): string[] {
  const problems: string[] = [];
  const { info, sections } = template;
  for (const name of sections.keys()) if (!(SECTIONS as readonly string[]).includes(name)) problems.push(`unknown section ___${name}___`);
  if (!(sections.get('TERMS_OF_SERVICE') ?? '').includes(TOS_URL)) problems.push(`___TERMS_OF_SERVICE___ must name ${TOS_URL}`);
  if (info.type !== 'TAG') problems.push('___INFO___ type must be TAG');
  if (info.id !== 'cvt_temp_public_id') problems.push('___INFO___ id must be cvt_temp_public_id (GTM assigns the real one)');
  if (info.version !== 1) problems.push('___INFO___ version must be 1');
  if (!Array.isArray(info.securityGroups)) problems.push('___INFO___ securityGroups must be a list');
  if (typeof info.displayName !== 'string' || !info.displayName) problems.push('___INFO___ needs a displayName');
  if (typeof info.description !== 'string' || !info.description) problems.push('___INFO___ needs a description');
  if (!isObj(info.brand) || typeof info.brand.id !== 'string' || typeof info.brand.displayName !== 'string') problems.push('___INFO___ needs a brand with id and displayName');
  if (!Array.isArray(info.containerContexts) || info.containerContexts.join() !== 'WEB') problems.push('___INFO___ containerContexts must be ["WEB"]');

  // Parameters
  const params = allParams(template.params);
  const names = new Set<string>();
  for (const p of params) {
    if (!PARAM_TYPES.has(p.type)) problems.push(`parameter ${p.name}: unknown type ${p.type}`);
    if (typeof p.name !== 'string' || !IDENTIFIER.test(p.name)) problems.push(`parameter "${String(p.name)}": a name must be an identifier`);
    if (names.has(p.name)) problems.push(`parameter ${p.name} is defined twice`);
    names.add(p.name);
    if (p.type === 'SELECT' || p.type === 'RADIO') {
      const items = (p.type === 'SELECT' ? p.selectItems : p.radioItems) ?? [];
      if (!items.length) problems.push(`parameter ${p.name}: no items`);
      if (p.defaultValue !== undefined && !items.some((i) => i.value === p.defaultValue)) problems.push(`parameter ${p.name}: the default is not one of the items`);
    }
    for (const v of p.valueValidators ?? []) {
      if (!VALIDATORS[v.type]) problems.push(`parameter ${p.name}: validator ${v.type} is not known to this runner`);
      if (v.type === 'REGEX') {
        try {
          new RegExp(String(v.args?.[0]));
        } catch (error) {
          problems.push(`parameter ${p.name}: bad REGEX: ${(error as Error).message}`);
        }
      }
    }
  }
  for (const p of params) {
    const conditions = [...(p.enablingConditions ?? []), ...(p.valueValidators ?? []).flatMap((v) => v.enablingConditions ?? [])];
    for (const c of conditions) if (!names.has(c.paramName)) problems.push(`parameter ${p.name}: a condition names the unknown field ${c.paramName}`);
  }

  // Code and tests
  const code = lintSandboxedJs(template.code);
  problems.push(...code.problems.map((p) => `code ${p}`));
  for (const api of code.apis) {
    const known = APIS[api];
    if (!known) problems.push(`code requires ${api}, which this runner does not emulate`);
    else if (known.permission && !template.permissions.has(known.permission)) problems.push(`code requires ${api}, but the ${known.permission} permission is not declared`);
  }
  if (template.tests.setup) problems.push(...lintSandboxedJs(template.tests.setup).problems.map((p) => `tests setup ${p}`));
  for (const s of template.tests.scenarios) problems.push(...lintSandboxedJs(s.code).problems.map((p) => `test "${s.name}" ${p}`));

  // Permissions: well formed, and none declared that the code never needs.
  problems.push(...template.permissions.problems);
  const needed = new Set(code.apis.map((a) => APIS[a]?.permission).filter(Boolean));
  for (const id of template.permissions.configs.keys()) if (!needed.has(id)) problems.push(`the ${id} permission is declared but no API the code requires needs it`);
  return problems;
}

// ---------------------------------------------------------------------------------------------

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const name = 'name' in error ? String((error as { name: unknown }).name) : 'Error';
    return `${name}: ${String((error as { message: unknown }).message)}`;
  }
  return String(error);
}
