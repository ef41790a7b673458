/**
 * The YAML a GTM template repository holds — `metadata.yaml` and a template's `___TESTS___`
 * section — read with no dependency: block mappings and sequences, `|` / `>` block scalars with
 * their chomping indicators, single- and double-quoted scalars (also over several lines, as GTM's
 * export writes test code with trailing spaces), plain scalars, comments, `[]` and `{}`.
 * Plain scalars resolve as the YAML 1.2 core schema says (so an unquoted all-digit sha is a
 * number, as any YAML reader would take it). Anchors, tags, flow collections with content and
 * multi-document streams are refused with an error naming the line.
 */

export class YamlError extends Error {
  constructor(message: string, line: number) {
    super(`YAML line ${line + 1}: ${message}`);
    this.name = 'YamlError';
  }
}

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

const indentOf = (line: string) => line.length - line.trimStart().length;
const isBlank = (line: string) => /^\s*(#.*)?$/.test(line);
/** `key: value` (or `key:`), the key plain or quoted; [key, rest-after-colon] or undefined. */
const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"\-?:,[\]{}&*!|>%@`][^#]*?|-[^\s#][^#]*?))\s*:(?:\s+|$)(.*)$/;

export function parseYaml(text: string): Value {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let i = 0;

  const skipBlank = () => {
    while (i < lines.length && isBlank(lines[i])) i++;
  };

  function node(minIndent: number): Value {
    skipBlank();
    if (i >= lines.length) return null;
    const line = lines[i];
    const indent = indentOf(line);
    if (indent < minIndent) return null;
    const body = line.slice(indent);
    if (body === '---' || body.startsWith('--- ') || body === '...') throw new YamlError('document markers are not supported', i);
    if (body === '-' || body.startsWith('- ')) return sequence(indent);
    if (KEY.test(body)) return mapping(indent);
    throw new YamlError(`expected "key: value" or "- item", found ${JSON.stringify(body)}`, i);
  }

  function sequence(indent: number): Value[] {
    const out: Value[] = [];
    for (;;) {
      skipBlank();
      if (i >= lines.length) return out;
      const line = lines[i];
      if (indentOf(line) !== indent) {
        if (indentOf(line) > indent) throw new YamlError('bad indentation in a sequence', i);
        return out;
      }
      const body = line.slice(indent);
      if (!(body === '-' || body.startsWith('- '))) return out;
      const rest = body.slice(1).replace(/^\s+/, '');
      if (rest === '' || rest.startsWith('#')) {
        i++;
        out.push(node(indent + 1));
        continue;
      }
      // "- key: value" opens a mapping whose keys line up with this first key.
      const column = indent + body.length - rest.length;
      if (KEY.test(rest)) {
        lines[i] = ' '.repeat(column) + rest;
        out.push(mapping(column));
      } else {
        out.push(scalarAt(rest, indent));
      }
    }
  }

  function mapping(indent: number): { [key: string]: Value } {
    const out: { [key: string]: Value } = {};
    for (;;) {
      skipBlank();
      if (i >= lines.length) return out;
      const line = lines[i];
      const here = indentOf(line);
      if (here < indent) return out;
      if (here > indent) throw new YamlError('bad indentation in a mapping', i);
      const body = line.slice(indent);
      const m = KEY.exec(body);
      if (!m) {
        if (body === '-' || body.startsWith('- ')) return out;
        throw new YamlError(`expected "key: value", found ${JSON.stringify(body)}`, i);
      }
      const key = m[1] !== undefined ? unescapeDouble(m[1], i) : m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3].trim();
      if (Object.prototype.hasOwnProperty.call(out, key)) throw new YamlError(`duplicate key "${key}"`, i);
      const rest = m[4];
      if (rest === '' || rest.startsWith('#')) {
        i++;
        skipBlank();
        // A sequence may sit at the same indentation as its key.
        if (i < lines.length && indentOf(lines[i]) === indent && /^-(\s|$)/.test(lines[i].slice(indent))) out[key] = sequence(indent);
        else out[key] = node(indent + 1);
      } else {
        out[key] = scalarAt(rest, indent);
      }
    }
  }

  /** The value that starts on line i after "key:" or "- "; consumes its lines. */
  function scalarAt(rest: string, parentIndent: number): Value {
    const start = i;
    if (/^[|>]/.test(rest)) return blockScalar(rest, parentIndent);
    if (rest.startsWith('"') || rest.startsWith("'")) return quoted(rest, parentIndent);
    if (/^[&*!]/.test(rest)) throw new YamlError('anchors, aliases and tags are not supported', start);
    if (/^[[{]/.test(rest)) {
      const flow = rest.replace(/\s+#.*$/, '').trim();
      i++;
      if (flow === '[]') return [];
      if (flow === '{}') return {};
      throw new YamlError('flow collections with content are not supported', start);
    }
    // A plain scalar, folded over following lines that are indented deeper.
    const parts = [rest.replace(/\s+#.*$/, '').trim()];
    i++;
    while (i < lines.length && !isBlank(lines[i]) && indentOf(lines[i]) > parentIndent && !KEY.test(lines[i].trim())) {
      parts.push(lines[i].replace(/\s+#.*$/, '').trim());
      i++;
    }
    return resolvePlain(parts.join(' '));
  }

  function blockScalar(header: string, parentIndent: number): string {
    const start = i;
    const h = /^([|>])([+-]?)([1-9]?)([+-]?)\s*(#.*)?$/.exec(header);
    if (!h) throw new YamlError(`bad block scalar header ${JSON.stringify(header)}`, start);
    const folded = h[1] === '>';
    const chomp = h[2] || h[4];
    let indent = h[3] ? parentIndent + Number(h[3]) : 0;
    i++;
    const body: string[] = [];
    while (i < lines.length) {
      const line = lines[i];
      if (line.trim() === '') {
        body.push('');
        i++;
        continue;
      }
      const here = indentOf(line);
      if (!indent) {
        if (here <= parentIndent) break;
        indent = here;
      }
      if (here < indent) break;
      body.push(line.slice(indent));
      i++;
    }
    let trailing = 0;
    while (body.length && body[body.length - 1] === '') {
      body.pop();
      trailing++;
    }
    let text = folded ? fold(body) : body.join('\n');
    if (body.length) text += chomp === '-' ? '' : chomp === '+' ? '\n'.repeat(trailing + 1) : '\n';
    return text;
  }

  function fold(body: string[]): string {
    let out = '';
    body.forEach((line, n) => {
      if (n === 0) out = line;
      else if (line === '' || /^\s/.test(line) || /^\s/.test(body[n - 1]) || body[n - 1] === '') out += '\n' + line;
      else out += ' ' + line;
    });
    return out;
  }

  /** A quoted scalar, possibly spanning lines; line breaks fold to spaces, blank lines to "\n". */
  function quoted(rest: string, parentIndent: number): string {
    const start = i;
    const q = rest[0];
    let raw = '';
    let text = rest.slice(1);
    for (;;) {
      const end = closing(text, q);
      if (end >= 0) {
        raw += text.slice(0, end);
        const after = text.slice(end + 1).trim();
        if (after && !after.startsWith('#')) throw new YamlError(`unexpected ${JSON.stringify(after)} after a quoted scalar`, i);
        i++;
        break;
      }
      raw += text + '\n';
      i++;
      if (i >= lines.length) throw new YamlError('unterminated quoted scalar', start);
      if (lines[i].trim() !== '' && indentOf(lines[i]) <= parentIndent) throw new YamlError('a quoted scalar continues at too small an indentation', i);
      text = lines[i];
    }
    return q === '"' ? unescapeDouble(raw, start) : foldQuoted(raw.replace(/''/g, "'"));
  }

  return node(0);
}

/** Index of the closing quote in text, or -1. */
function closing(text: string, q: string): number {
  for (let k = 0; k < text.length; k++) {
    if (q === '"' && text[k] === '\\') k++;
    else if (text[k] === q) {
      if (q === "'" && text[k + 1] === "'") k++;
      else return k;
    }
  }
  return -1;
}

function foldQuoted(raw: string): string {
  return raw.replace(/[ \t]*\n([ \t]*\n)*[ \t]*/g, (m) => {
    const breaks = (m.match(/\n/g) || []).length;
    return breaks > 1 ? '\n'.repeat(breaks - 1) : ' ';
  });
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/** Double-quoted content: escapes, escaped line breaks, and line folding. */
function unescapeDouble(raw: string, line: number): string {
  let out = '';
  let kept = 0; // out.length up to which whitespace came from escapes and must not be trimmed
  for (let k = 0; k < raw.length; ) {
    const c = raw[k];
    if (c === '\\') {
      const n = raw[k + 1];
      if (n === '\n') {
        k += 2;
        while (raw[k] === ' ' || raw[k] === '\t') k++;
        continue;
      }
      const hex = n === 'x' ? 2 : n === 'u' ? 4 : n === 'U' ? 8 : 0;
      if (hex) {
        const digits = raw.slice(k + 2, k + 2 + hex);
        if (!/^[0-9A-Fa-f]+$/.test(digits) || digits.length !== hex) throw new YamlError(`bad escape \\${n}${digits}`, line);
        out += String.fromCodePoint(parseInt(digits, 16));
        k += 2 + hex;
      } else if (n !== undefined && ESCAPES[n] !== undefined) {
        out += ESCAPES[n];
        k += 2;
      } else {
        throw new YamlError(`bad escape \\${n ?? ''}`, line);
      }
      kept = out.length;
    } else if (c === '\n') {
      let end = out.length;
      while (end > kept && (out[end - 1] === ' ' || out[end - 1] === '\t')) end--;
      out = out.slice(0, end);
      let breaks = 0;
      while (raw[k] === '\n' || raw[k] === ' ' || raw[k] === '\t') {
        if (raw[k] === '\n') breaks++;
        k++;
      }
      out += breaks > 1 ? '\n'.repeat(breaks - 1) : ' ';
    } else {
      out += c;
      k++;
    }
  }
  return out;
}

/** YAML 1.2 core schema resolution of a plain scalar. */
function resolvePlain(s: string): Value {
  if (/^(null|Null|NULL|~)?$/.test(s)) return null;
  if (/^(true|True|TRUE)$/.test(s)) return true;
  if (/^(false|False|FALSE)$/.test(s)) return false;
  if (/^[-+]?[0-9]+$/.test(s)) return Number(s);
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return Number(s);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(s)) return NaN;
  return s;
}
