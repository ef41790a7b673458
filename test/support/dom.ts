import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Loads an HTML fixture that sits beside the test: a whole document (with `<head>`) replaces the
 * document's content, so its meta and link tags land in `<head>` as in a browser; a fragment goes
 * into the body.
 */
export function loadFixture(dir: string, name: string) {
  const html = readFileSync(join(dir, 'fixtures', name), 'utf8');
  if (/<head[\s>]/i.test(html)) document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>[\s\S]*$/i, '');
  else {
    document.head.innerHTML = '';
    document.body.innerHTML = html;
  }
}

/** Points jsdom's location at a path of the same origin. */
export function goTo(path: string) {
  history.replaceState(null, '', path);
}

/** Collects reported problems: their messages (what tests read) and their codes. */
export function collector() {
  const problems: string[] = [];
  const codes: string[] = [];
  return {
    problems,
    codes,
    problem: (code: string, m: string) => {
      codes.push(code);
      problems.push(m);
    },
  };
}
