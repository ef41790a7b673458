/**
 * What GTM's template editor refuses before any code runs, checked on the source text: sandboxed
 * JavaScript is ECMAScript 5.1 plus arrow functions and const/let, with no `new`, no `this`, no
 * access to the page's globals (only `require`), and APIs named by a literal in `require('…')` so
 * the editor can work out the permissions. A small tokenizer (strings, comments, template
 * literals, regular-expression literals told from division by the token before them) finds:
 *
 * - the keywords and syntax outside that subset (`new`, `this`, `class`, `async`, `await`,
 *   `yield`, `import`, `export`, `with`, `debugger`, `super`, spread `...`, template literals,
 *   regular-expression literals, generator `function*`);
 * - page globals used as free identifiers (`window`, `document`, `JSON`, `Math`, `setTimeout`, …);
 * - `require` called with anything but one string literal.
 *
 * It is a checker of the usual mistakes, not a parser: valid code it cannot tell apart (a
 * destructuring pattern, say) is left to the run, where the missing globals and the trimmed
 * standard library (runner.ts) fail the same way GTM would.
 */

export interface LintResult {
  problems: string[];
  /** API names passed to require('…'), in order of first use. */
  apis: string[];
}

type Token = { kind: 'id' | 'num' | 'str' | 'tpl' | 'regex' | 'punct'; value: string; line: number };

const FORBIDDEN_WORDS: Record<string, string> = {
  new: '`new` does not exist in sandboxed JavaScript',
  this: '`this` does not exist in sandboxed JavaScript',
  class: 'classes are not sandboxed JavaScript',
  async: 'async functions are not sandboxed JavaScript',
  await: '`await` is not sandboxed JavaScript',
  yield: 'generators are not sandboxed JavaScript',
  import: 'modules are not sandboxed JavaScript; use require',
  export: 'modules are not sandboxed JavaScript',
  with: '`with` is not sandboxed JavaScript',
  debugger: '`debugger` is not sandboxed JavaScript',
  super: '`super` is not sandboxed JavaScript',
  eval: '`eval` is not available in sandboxed JavaScript',
};

/** Browser and JavaScript globals the sandbox does not have; the APIs to use instead where there is one. */
export const PAGE_GLOBALS: Record<string, string> = {
  window: "copyFromWindow / setInWindow / callInWindow",
  document: 'the DOM APIs (injectScript, …)',
  globalThis: '',
  location: "getUrl",
  navigator: '',
  localStorage: 'localStorage (require)',
  sessionStorage: '',
  console: 'logToConsole',
  alert: '',
  setTimeout: 'callLater',
  setInterval: '',
  clearTimeout: '',
  fetch: 'sendPixel / injectScript',
  XMLHttpRequest: '',
  JSON: "require('JSON')",
  Math: "require('Math')",
  Object: "require('Object')",
  Array: '',
  String: 'makeString',
  Number: 'makeNumber',
  Boolean: '',
  Date: 'getTimestampMillis',
  RegExp: 'createRegex',
  Function: '',
  Promise: "require('Promise')",
  Symbol: '',
  Map: '',
  Set: '',
  WeakMap: '',
  Reflect: '',
  Proxy: '',
  Error: '',
  parseInt: 'makeInteger',
  parseFloat: 'makeNumber',
  isNaN: '',
  isFinite: '',
  encodeURIComponent: 'encodeUriComponent',
  encodeURI: 'encodeUri',
  decodeURIComponent: 'decodeUriComponent',
  decodeURI: 'decodeUri',
  escape: '',
  unescape: '',
  arguments: '',
};

const KEYWORDS_BEFORE_EXPRESSION = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else']);
const PUNCT = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '**'];

export function tokenize(code: string): { tokens: Token[]; problems: string[] } {
  const tokens: Token[] = [];
  const problems: string[] = [];
  let line = 1;
  let k = 0;
  const prevSignificant = () => tokens[tokens.length - 1];
  const regexAllowed = () => {
    const p = prevSignificant();
    if (!p) return true;
    if (p.kind === 'num' || p.kind === 'str' || p.kind === 'tpl' || p.kind === 'regex') return false;
    if (p.kind === 'id') return KEYWORDS_BEFORE_EXPRESSION.has(p.value);
    return !(p.value === ')' || p.value === ']' || p.value === '}');
  };
  while (k < code.length) {
    const c = code[k];
    if (c === '\n') {
      line++;
      k++;
    } else if (/\s/.test(c)) {
      k++;
    } else if (code.startsWith('//', k)) {
      while (k < code.length && code[k] !== '\n') k++;
    } else if (code.startsWith('/*', k)) {
      const end = code.indexOf('*/', k + 2);
      const stop = end < 0 ? code.length : end + 2;
      line += (code.slice(k, stop).match(/\n/g) || []).length;
      if (end < 0) problems.push(`line ${line}: unterminated comment`);
      k = stop;
    } else if (c === '"' || c === "'") {
      let j = k + 1;
      while (j < code.length && code[j] !== c && code[j] !== '\n') j += code[j] === '\\' ? 2 : 1;
      if (code[j] !== c) problems.push(`line ${line}: unterminated string`);
      tokens.push({ kind: 'str', value: code.slice(k + 1, j), line });
      k = j + 1;
    } else if (c === '`') {
      let j = k + 1;
      while (j < code.length && code[j] !== '`') j += code[j] === '\\' ? 2 : 1;
      problems.push(`line ${line}: template literals are not sandboxed JavaScript; join strings with +`);
      line += (code.slice(k, j).match(/\n/g) || []).length;
      tokens.push({ kind: 'tpl', value: code.slice(k + 1, j), line });
      k = j + 1;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][\w$]*/.exec(code.slice(k))!;
      tokens.push({ kind: 'id', value: m[0], line });
      k += m[0].length;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(code[k + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F]+|[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?)/.exec(code.slice(k))!;
      tokens.push({ kind: 'num', value: m[0], line });
      k += m[0].length;
    } else if (c === '/' && regexAllowed()) {
      let j = k + 1;
      let inClass = false;
      while (j < code.length && code[j] !== '\n' && (inClass || code[j] !== '/')) {
        if (code[j] === '\\') j++;
        else if (code[j] === '[') inClass = true;
        else if (code[j] === ']') inClass = false;
        j++;
      }
      j++;
      while (/[a-z]/i.test(code[j] ?? '')) j++;
      problems.push(`line ${line}: regular-expression literals are not sandboxed JavaScript; use createRegex / testRegex`);
      tokens.push({ kind: 'regex', value: code.slice(k, j), line });
      k = j;
    } else {
      const p = PUNCT.find((op) => code.startsWith(op, k)) ?? c;
      tokens.push({ kind: 'punct', value: p, line });
      k += p.length;
    }
  }
  return { tokens, problems };
}

export function lintSandboxedJs(code: string): LintResult {
  const { tokens, problems } = tokenize(code);
  const apis: string[] = [];
  // Names the code declares itself (const JSON = require('JSON'), a parameter called location, …)
  // are not the page's globals; scopes are not tracked, a declared name counts everywhere.
  const declared = new Set<string>();
  tokens.forEach((t, n) => {
    const before = tokens[n - 1];
    if (t.kind === 'id' && before?.kind === 'id' && ['const', 'let', 'var', 'function'].includes(before.value)) declared.add(t.value);
  });
  for (let n = 0; n < tokens.length; n++) {
    // Parameters: function name(a, b) / function (a, b) / (a, b) => / a =>
    const t = tokens[n];
    if (t.kind === 'punct' && t.value === '=>' && tokens[n - 1]?.kind === 'id') declared.add(tokens[n - 1].value);
    if (t.kind === 'punct' && t.value === '(') {
      let j = n + 1;
      const names: string[] = [];
      while (j < tokens.length && (tokens[j].kind === 'id' || tokens[j].value === ',')) {
        if (tokens[j].kind === 'id') names.push(tokens[j].value);
        j++;
      }
      const isParams = tokens[j]?.value === ')' && (tokens[j + 1]?.value === '=>' || tokens[n - 1]?.value === 'function' || tokens[n - 2]?.value === 'function');
      if (isParams) names.forEach((x) => declared.add(x));
    }
  }
  tokens.forEach((t, n) => {
    const before = tokens[n - 1];
    const after = tokens[n + 1];
    if (t.kind === 'punct' && t.value === '...') problems.push(`line ${t.line}: spread and rest (...) are not sandboxed JavaScript`);
    if (t.kind === 'punct' && t.value === '*' && before?.kind === 'id' && before.value === 'function') {
      problems.push(`line ${t.line}: generators are not sandboxed JavaScript`);
    }
    if (t.kind !== 'id') return;
    const member = before?.kind === 'punct' && (before.value === '.' || before.value === '?.');
    const objectKey = after?.kind === 'punct' && after.value === ':' && before?.kind === 'punct' && (before.value === '{' || before.value === ',');
    if (member || objectKey || declared.has(t.value)) return;
    if (FORBIDDEN_WORDS[t.value]) problems.push(`line ${t.line}: ${FORBIDDEN_WORDS[t.value]}`);
    else if (Object.prototype.hasOwnProperty.call(PAGE_GLOBALS, t.value)) {
      const instead = PAGE_GLOBALS[t.value];
      problems.push(`line ${t.line}: \`${t.value}\` is not available in sandboxed JavaScript${instead ? `; use ${instead}` : ''}`);
    } else if (t.value === 'require') {
      const arg = tokens[n + 2];
      const close = tokens[n + 3];
      if (!(after?.value === '(' && arg?.kind === 'str' && close?.value === ')')) {
        problems.push(`line ${t.line}: require must be called with one string literal, so the permissions can be worked out`);
      } else if (!apis.includes(arg.value)) {
        apis.push(arg.value);
      }
    }
  });
  const lineOf = (p: string) => Number(/^line (\d+)/.exec(p)?.[1] ?? 0);
  return { problems: problems.map((p, n) => [p, n] as const).sort((a, b) => lineOf(a[0]) - lineOf(b[0]) || a[1] - b[1]).map(([p]) => p), apis };
}
