import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  allParams,
  checkTemplate,
  createPage,
  fireTag,
  loadTemplate,
  METADATA_FILE,
  runScenario,
  tagData,
  validateFields,
  type TemplateParam,
} from './runner';
import { parseYaml } from './yaml';

const template = loadTemplate();
const DOCS = readFileSync(fileURLToPath(new URL('../../docs/gtm.md', import.meta.url)), 'utf8');
const fields = allParams(template.params).filter((p) => p.type !== 'GROUP');
const field = (name: string): TemplateParam => fields.find((p) => p.name === name)!;
const problems = (values: Record<string, unknown>) => validateFields(template, tagData(template, values)).map((p) => `${p.field} ${p.validator}`);

describe('gtm/template.tpl ___TESTS___', () => {
  it('has scenarios', () => expect(template.tests.scenarios.length).toBeGreaterThanOrEqual(8));

  it.each(template.tests.scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    const result = runScenario(template, scenario);
    expect(result.error).toBeUndefined();
    expect(result.passed).toBe(true);
  });
});

describe('gtm/template.tpl as the template editor checks it', () => {
  it('has the gallery sections, in GTM export order, and nothing the editor would refuse', () => {
    expect([...template.sections.keys()]).toEqual([
      'TERMS_OF_SERVICE',
      'INFO',
      'TEMPLATE_PARAMETERS',
      'SANDBOXED_JS_FOR_WEB_TEMPLATE',
      'WEB_PERMISSIONS',
      'TESTS',
      'NOTES',
    ]);
    expect(checkTemplate(template)).toEqual([]);
  });

  it('is a web tag template', () => {
    expect(template.info).toMatchObject({ type: 'TAG', id: 'cvt_temp_public_id', version: 1, displayName: 'Yespo Autotrack', containerContexts: ['WEB'] });
    expect((template.info.brand as { thumbnail: string }).thumbnail).toMatch(/^data:image\/png;base64,/);
  });

  it('asks for no more than writing yespoConfig, injecting the bundle files and logging in debug', () => {
    expect([...template.permissions.configs.keys()].sort()).toEqual(['access_globals', 'inject_script', 'logging']);
    expect(template.permissions.configs.get('access_globals')).toEqual({ keys: [{ key: 'yespoConfig', read: false, write: true, execute: false }] });
    expect(template.permissions.configs.get('inject_script')).toEqual({ urls: ['https://*/yespo-autotrack.min.js', 'https://*/yespo-autotrack.core.min.js'] });
    expect(template.permissions.configs.get('logging')).toEqual({ environments: 'debug' });
  });

  it('calls setInWindow with the override flag and injectScript with the URL as cache token', () => {
    expect(template.code).toContain("setInWindow('yespoConfig', config, true)");
    expect(template.code).toContain('injectScript(bundleUrl, data.gtmOnSuccess, data.gtmOnFailure, bundleUrl)');
  });
});

describe('the fields, as docs/gtm.md lists them', () => {
  /** Rows of the docs' field table: [name, default]. */
  const documented = DOCS.split('\n')
    .map((line) => /^\| [^|]+ \| `(\w+)` \| ([^|]+) \|/.exec(line))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => [m[1], m[2].trim()] as const);

  it('documents every field, and no other', () => {
    expect(documented.map(([name]) => name).sort()).toEqual(fields.map((p) => p.name).sort());
    expect(fields.map((p) => p.name).sort()).toEqual(['bundleUrl', 'consent', 'debug', 'scriptId', 'siteId', 'transport']);
  });

  it('gives each field the default the docs name', () => {
    const shown = (p: TemplateParam) => (p.defaultValue === undefined ? '(empty)' : p.defaultValue === false ? 'off' : `\`${String(p.defaultValue)}\``);
    for (const [name, def] of documented) expect(shown(field(name)), name).toBe(def);
  });

  it('has the documented choices', () => {
    expect(field('transport').selectItems!.map((i) => i.value)).toEqual(['es', 'rest', 'auto']);
    expect(field('consent').selectItems!.map((i) => i.value)).toEqual(['granted', 'pending']);
    expect(field('debug').type).toBe('CHECKBOX');
    for (const p of fields) expect(p.help ?? p.checkboxText, p.name).toBeTruthy();
  });

  it('accepts a minimal eS tag and a minimal REST tag', () => {
    expect(problems({ scriptId: '000000000000000000' })).toEqual([]);
    expect(problems({ scriptId: ' 5a2c-01FF ', transport: 'auto', siteId: 'shop_1.eu' })).toEqual([]);
    expect(problems({ transport: 'rest', siteId: 'DEMO-SITE' })).toEqual([]);
  });

  it('requires the script ID for eS and auto, not for REST', () => {
    expect(problems({})).toEqual(['scriptId NON_EMPTY']);
    expect(problems({ transport: 'auto', siteId: 'S' })).toEqual(['scriptId NON_EMPTY']);
    expect(problems({ transport: 'rest', siteId: 'S' })).toEqual([]);
  });

  it('takes hexadecimal script IDs (hyphenated groups), or one variable', () => {
    for (const ok of ['123456789012345678', 'abcdef0123', 'A1B2-C3D4', '{{Yespo script ID}}']) expect(problems({ scriptId: ok }), ok).toEqual([]);
    for (const bad of ['my-store', '12 34', '-12', '12--34', '"><script>', 'id{{x}}']) expect(problems({ scriptId: bad }), bad).toEqual(['scriptId REGEX']);
    expect(problems({ scriptId: 'a'.repeat(65) })).toEqual(['scriptId STRING_LENGTH']);
  });

  it('requires the site ID for REST and auto', () => {
    expect(problems({ scriptId: '1', transport: 'rest' })).toEqual(['siteId NON_EMPTY']);
    expect(problems({ scriptId: '1', transport: 'auto' })).toEqual(['siteId NON_EMPTY']);
    expect(problems({ scriptId: '1', transport: 'es' })).toEqual([]);
    expect(problems({ scriptId: '1', transport: 'rest', siteId: 'my shop' })).toEqual(['siteId REGEX']);
  });

  it('takes an https address or a root-relative path as the bundle URL', () => {
    const ok = ['/yespo-autotrack.min.js', '/assets/js/yespo-autotrack.min.js?v=2', 'https://www.shop.example/yespo-autotrack.min.js', 'https://cdn.shop.example:8443/y.js', 'https://{{Page Hostname}}/yespo-autotrack.min.js', '{{Yespo bundle}}'];
    for (const url of ok) expect(problems({ scriptId: '1', bundleUrl: url }), url).toEqual([]);
    const bad = ['http://www.shop.example/yespo-autotrack.min.js', '//cdn.example/y.js', '/\\cdn.example/y.js', 'yespo-autotrack.min.js', 'javascript:alert(1)', 'https://', '/a b.js'];
    for (const url of bad) expect(problems({ scriptId: '1', bundleUrl: url }), url).toEqual(['bundleUrl REGEX']);
    expect(problems({ scriptId: '1', bundleUrl: '' })).toEqual(['bundleUrl NON_EMPTY', 'bundleUrl REGEX']);
  });
});

describe('firing the tag', () => {
  it('writes yespoConfig with the set fields only and injects the default bundle on an https shop', () => {
    const run = fireTag(template, { scriptId: '000000000000000000' }, { pageUrl: 'https://www.shop.example/product/1' });
    expect(run.error).toBeUndefined();
    expect(run.writes).toEqual([{ key: 'yespoConfig', value: { scriptId: '000000000000000000', transport: 'es', consent: 'granted' } }]);
    expect(run.injected.map((s) => [s.url, s.resolvedUrl, s.cacheToken])).toEqual([
      ['/yespo-autotrack.min.js', 'https://www.shop.example/yespo-autotrack.min.js', '/yespo-autotrack.min.js'],
    ]);
    expect(run.outcome).toBe('pending');
    run.injected[0].load();
    expect(run.outcome).toBe('success');
  });

  it('fails when the bundle does not load', () => {
    const run = fireTag(template, { scriptId: '1' });
    run.injected[0].fail();
    expect(run.outcome).toBe('failure');
  });

  it('fired twice on a page, requests the bundle once (cache token) and succeeds twice', () => {
    const page = createPage({ url: 'https://www.shop.example/' });
    const first = fireTag(template, { scriptId: '1' }, { page });
    const second = fireTag(template, { scriptId: '1' }, { page });
    expect(page.scripts).toHaveLength(1);
    expect(second.injected[0]).toBe(first.injected[0]);
    first.injected[0].load();
    expect([first.outcome, second.outcome]).toEqual(['success', 'success']);
    expect(fireTag(template, { scriptId: '1' }, { page }).outcome).toBe('success');
  });

  it('logs only in Preview, and only with debug on', () => {
    const live = fireTag(template, { scriptId: '1', debug: true }, { environment: 'live' });
    expect(live.page.logs).toEqual([]);
    const preview = fireTag(template, { scriptId: '1', debug: true }, { environment: 'debug' });
    expect(preview.page.logs).toEqual([['[yespo-autotrack tag] window.yespoConfig set; loading /yespo-autotrack.min.js']]);
    expect(preview.writes[0].value).toEqual({ scriptId: '1', transport: 'es', consent: 'granted', debug: true });
    expect(fireTag(template, { scriptId: '1' }, { environment: 'debug' }).page.logs).toEqual([]);
  });

  it('checks a variable value when the tag fires: an invalid one fails the tag and writes and injects nothing', () => {
    const run = fireTag(template, { scriptId: '{{Yespo script ID}}' }, { variables: { 'Yespo script ID': 'my store' }, environment: 'debug' });
    expect(run.outcome).toBe('failure');
    expect(run.writes).toEqual([]);
    expect(run.injected).toEqual([]);
    expect(run.page.logs).toEqual([]);
    const ok = fireTag(template, { scriptId: '{{Yespo script ID}}' }, { variables: { 'Yespo script ID': 12345 } });
    expect(ok.writes[0].value).toMatchObject({ scriptId: '12345' });
  });

  it('is refused by GTM when the bundle URL is outside the inject_script permission, or the page is not https', () => {
    const elsewhere = fireTag(template, { scriptId: '1', bundleUrl: 'https://cdn.other.example/js/yespo-autotrack.min.js' });
    expect(elsewhere.outcome).toBe('failure');
    expect(elsewhere.error?.name).toBe('PermissionError');
    expect(elsewhere.injected).toEqual([]);
    const http = fireTag(template, { scriptId: '1' }, { pageUrl: 'http://www.shop.example/' });
    expect(http.error?.message).toContain('http://www.shop.example/yespo-autotrack.min.js');
  });

  it('will not fire with fields the editor refuses', () => {
    expect(() => fireTag(template, { scriptId: 'my-store' })).toThrow(/scriptId/);
    expect(() => fireTag(template, { scriptID: '1' })).toThrow(/no field "scriptID"/);
  });
});

describe('gtm/metadata.yaml', () => {
  const metadata = parseYaml(readFileSync(METADATA_FILE, 'utf8')) as Record<string, unknown>;

  it('names the homepage and the documentation', () => {
    expect(Object.keys(metadata).sort()).toEqual(['documentation', 'homepage', 'versions']);
    expect(metadata.homepage).toMatch(/^https:\/\/\S+$/);
    expect(metadata.documentation).toMatch(/^https:\/\/\S+\/docs\/gtm\.md$/);
  });

  it('lists versions, each a full commit sha (the placeholder until the first commit) with change notes', () => {
    const versions = metadata.versions as Array<Record<string, unknown>>;
    expect(versions.length).toBeGreaterThanOrEqual(1);
    for (const v of versions) {
      expect(Object.keys(v).sort()).toEqual(['changeNotes', 'sha']);
      expect(v.sha).toMatch(/^[0-9a-f]{40}$/);
      expect(typeof v.changeNotes === 'string' && v.changeNotes.trim()).toBeTruthy();
    }
    expect(new Set(versions.map((v) => v.sha)).size).toBe(versions.length);
  });
});
