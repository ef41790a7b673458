import { option, type Kind, type Option } from './options';
import type { ConfigProblem } from './types';

/** What a warning says an option must be, where its kind's own words do not fit. */
const EXPECT: Record<string, string> = {
  pages: 'an object of page type → path pattern(s)',
  'impressions.blockSelector': 'a CSS selector',
  'impressions.itemSelector': 'a CSS selector',
  'impressions.productAttr': 'an attribute name',
  'impressions.containerAttr': 'an attribute name',
  'search.params': 'a list of URL parameter names',
  dataLayer: 'true, false or the name of the array',
  platforms: 'true, false or an object of platform → true/false',
};

const WORDS: Partial<Record<Kind, string>> = {
  str: 'a non-empty string',
  bool: 'true or false',
  num: 'a number ≥ 0',
  unit: 'a number from 0 to 1',
  pattern: 'a path pattern or a list of them',
  idnum: 'a string or a number',
  obj: 'an object',
};

const quote = (a: readonly string[]) => a.map((x) => "'" + x + "'").join(', ').replace(/, ([^,]*)$/, ' or $1');

/** What the option's value must be, as its warning says it. */
export const expected = ([path, kind, , of]: Option) => EXPECT[path] || WORDS[kind] || (kind === 'keys' ? 'a list of ' + of!.join(', ') : quote(of!));

/**
 * A config problem as the console says it. The shop files load this from beside themselves
 * (`yespo-autotrack[.core].config.js`) only when the config has a problem.
 */
export function configMessage([what, path]: ConfigProblem): string {
  if (what === 'unknown') return `config "${path}" is not a known option; ignored`;
  const must = expected(option(path)!);
  return what === 'required' ? `config "${path}" is required (${must}); the tracker is off` : `config "${path}" must be ${must}; using the default`;
}
