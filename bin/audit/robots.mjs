// @ts-check
// robots.txt as RFC 9309 reads it: groups of user-agent lines with allow/disallow rules; the group
// naming our product token wins over `*`; the longest matching rule decides, allow on a tie.
import { fetchText } from './fetch.mjs';

/** The product token the audit answers to in robots.txt. */
export const ROBOTS_AGENT = 'yespo-autotrack';

/** @typedef {{ allow: boolean, path: string }} Rule */
/** @typedef {{ agents: string[], rules: Rule[] }} Group */

/**
 * @param {string} text
 * @returns {{ groups: Group[], sitemaps: string[] }}
 */
export function parseRobots(text) {
  /** @type {Group[]} */
  const groups = [];
  const sitemaps = [];
  /** @type {Group | undefined} */
  let cur;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const m = /^\s*([\w-]+)\s*:\s*(.*?)\s*$/.exec(raw.replace(/#.*/, ''));
    if (!m) continue;
    const key = m[1].toLowerCase();
    if (key === 'user-agent') {
      // Consecutive user-agent lines share one group; one after rules starts the next.
      if (!cur || cur.rules.length) groups.push((cur = { agents: [], rules: [] }));
      cur.agents.push(m[2].toLowerCase());
    } else if ((key === 'allow' || key === 'disallow') && cur) {
      if (m[2]) cur.rules.push({ allow: key === 'allow', path: m[2] });
    } else if (key === 'sitemap' && m[2]) sitemaps.push(m[2]);
  }
  return { groups, sitemaps };
}

/**
 * The rules that apply to an agent: those of every group naming it, else those of `*`.
 * @param {Group[]} groups
 * @param {string} [agent]
 */
export function rulesFor(groups, agent = ROBOTS_AGENT) {
  const own = groups.filter((g) => g.agents.includes(agent.toLowerCase()));
  return (own.length ? own : groups.filter((g) => g.agents.includes('*'))).flatMap((g) => g.rules);
}

/**
 * @param {string} pattern a rule's path: `*` any characters, a final `$` the end
 * @param {string} path
 */
function matches(pattern, path) {
  const end = pattern.endsWith('$');
  const body = (end ? pattern.slice(0, -1) : pattern).split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp('^' + body + (end ? '$' : '')).test(path);
}

/**
 * May the audit load this path (with its query)?
 * @param {Rule[]} rules
 * @param {string} path
 */
export function isAllowed(rules, path) {
  if (path === '/robots.txt') return true;
  /** @type {Rule | undefined} */
  let best;
  for (const r of rules) {
    if (!matches(r.path, path)) continue;
    if (!best || r.path.length > best.path.length || (r.path.length === best.path.length && r.allow)) best = r;
  }
  return !best || best.allow;
}

/**
 * The rules for the audit on one origin. No robots.txt (4xx): everything is allowed; a server
 * error or no answer: nothing is (RFC 9309, "unreachable").
 * @param {string} origin
 * @returns {Promise<{ rules: Rule[], note?: string }>}
 */
export async function loadRobots(origin) {
  try {
    const { status, text } = await fetchText(origin + '/robots.txt', 10_000);
    if (status >= 200 && status < 300) return { rules: rulesFor(parseRobots(text).groups) };
    if (status < 500) return { rules: [] };
    return { rules: [{ allow: false, path: '/' }], note: `${origin}/robots.txt answered HTTP ${status}: nothing is audited there` };
  } catch (e) {
    return { rules: [{ allow: false, path: '/' }], note: `${origin}/robots.txt could not be read (${String(e)}): nothing is audited there` };
  }
}
