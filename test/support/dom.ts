import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Loads an HTML fixture that sits beside the test into the jsdom body. */
export function loadFixture(dir: string, name: string) {
  document.body.innerHTML = readFileSync(join(dir, 'fixtures', name), 'utf8');
}

/** Points jsdom's location at a path of the same origin. */
export function goTo(path: string) {
  history.replaceState(null, '', path);
}

export function collector() {
  const problems: string[] = [];
  return { problems, problem: (m: string) => problems.push(m) };
}
