import { describe, expect, it } from 'vitest';
import { kindChart } from '../../bin/audit/chart.mjs';
import { renderHtml } from '../../bin/audit/html.mjs';
import { kindTable } from '../../bin/audit/report.mjs';
import { summarize } from '../../bin/audit/summary.mjs';

const page = (input: string, type: string, events: string[], problems: Array<{ code: string; level: 'error' | 'warning' }>) => ({
  input,
  url: input,
  status: 200,
  bundle: 'page' as const,
  version: '1',
  type,
  typeFrom: 'json-ld',
  facts: {},
  events: events.map((name) => ({ name })),
  problems: problems.map((p) => ({ ...p, message: `<${p.code}>` })),
  blocked: 0,
});

const pages = [
  page('https://shop.example/products/a', 'product', ['ProductPage'], []),
  page('https://shop.example/products/b', 'product', ['ProductPage'], [{ code: 'price-missing', level: 'warning' }]),
  page('https://shop.example/products/c', 'other', [], [{ code: 'jsonld-unreadable', level: 'error' }]),
  page('https://shop.example/', 'main', ['MainPage'], []),
];

describe('summary and reports', () => {
  const kinds = summarize(pages);

  it('sums up each page kind', () => {
    expect(kinds).toEqual([
      { kind: '/', pages: 1, outcome: { ok: 1, warning: 0, error: 0 }, types: { main: 1 }, events: { MainPage: 1 }, problems: {} },
      { kind: '/products/*', pages: 3, outcome: { ok: 1, warning: 1, error: 1 }, types: { product: 2, other: 1 }, events: { ProductPage: 2 }, problems: { 'price-missing': 1, 'jsonld-unreadable': 1 } },
    ]);
  });

  it('prints a table for the terminal', () => {
    const lines = kindTable(kinds).split('\n');
    expect(lines[0]).toMatch(/^page kind\s+pages\s+ok\s+warn\s+error\s+page types\s+problems \(pages\)$/);
    expect(lines[2]).toMatch(/^\/products\/\*\s+3\s+1\s+1\s+1\s+product 2, other 1\s+jsonld-unreadable 1, price-missing 1$/);
  });

  it('draws one bar per kind with a segment per outcome, and escapes what the shop wrote', () => {
    const svg = kindChart(kinds);
    expect(svg.match(/<rect [^>]*data-kind="\/products\/\*"[^>]*>/g)).toHaveLength(3);
    expect(svg).toContain('data-outcome="error" data-count="1"');
    const html = renderHtml({ version: '1', started: 'now', pages: pages.map((p) => ({ ...p, kind: '' })), kinds, skipped: { robots: [], sample: 0, limit: 0 } });
    expect(html).toContain('&#60;jsonld-unreadable&#62;');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  });
});
