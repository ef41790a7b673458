import { describe, expect, it } from 'vitest';
import { isAllowed, parseRobots, rulesFor } from '../../bin/audit/robots.mjs';

const ROBOTS = `# shop robots
User-agent: Googlebot
Disallow: /

User-agent: *
User-agent: bingbot
Disallow: /checkout
Disallow: /account   # private
Disallow: /*?sort=
Disallow: /*.pdf$
Allow: /account/login
Disallow:

Sitemap: https://shop.example/sitemap.xml
`;

describe('robots.txt', () => {
  const { groups, sitemaps } = parseRobots(ROBOTS);
  const rules = rulesFor(groups);

  it('reads groups (consecutive user-agent lines share one) and sitemaps', () => {
    expect(groups.map((g) => g.agents)).toEqual([['googlebot'], ['*', 'bingbot']]);
    expect(sitemaps).toEqual(['https://shop.example/sitemap.xml']);
  });

  it.each([
    ['/', true],
    ['/products/a', true],
    ['/checkout', false],
    ['/checkout/step-2', false],
    ['/account', false],
    ['/account/login', true],
    ['/collections/all?sort=price', false],
    ['/files/size-guide.pdf', false],
    ['/files/size-guide.pdf?v=2', true],
    ['/robots.txt', true],
  ])('%s allowed: %s', (path, allowed) => {
    expect(isAllowed(rules, path)).toBe(allowed);
  });

  it('uses the group naming yespo-autotrack instead of *', () => {
    const own = rulesFor(parseRobots(`User-agent: *\nDisallow: /\n\nUser-agent: Yespo-Autotrack\nDisallow: /private\n`).groups);
    expect(isAllowed(own, '/products/a')).toBe(true);
    expect(isAllowed(own, '/private/x')).toBe(false);
  });

  it('allows everything without rules for us, and lets Allow win a tie', () => {
    expect(isAllowed(rulesFor(parseRobots('User-agent: Googlebot\nDisallow: /\n').groups), '/x')).toBe(true);
    expect(isAllowed(rulesFor(parseRobots('User-agent: *\nDisallow: /a\nAllow: /a\n').groups), '/a')).toBe(true);
    expect(isAllowed([], '/anything')).toBe(true);
  });
});
