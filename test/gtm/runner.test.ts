import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSandboxedJs } from './lint';
import { checkTemplate, fireTag, parseTemplate, runScenario, runTests, splitSections, TEMPLATE_FILE, urlMatches, type Template } from './runner';
import { parseYaml } from './yaml';

const SOURCE = readFileSync(TEMPLATE_FILE, 'utf8');

/** The shipped template with one piece of text replaced (which must be there). */
function variant(from: string, to: string): Template {
  expect(SOURCE).toContain(from);
  return parseTemplate(SOURCE.replace(from, to));
}

/** The shipped template with these scenarios instead of its own. */
function withTests(yaml: string): Template {
  const at = SOURCE.indexOf('___TESTS___');
  const end = SOURCE.indexOf('___NOTES___');
  return parseTemplate(SOURCE.slice(0, at) + "___TESTS___\n\nscenarios:\n" + yaml + "setup: ''\n\n\n" + SOURCE.slice(end));
}

const scenario = (name: string, code: string) => `- name: ${name}\n  code: |-\n${code.trim().split('\n').map((l) => '    ' + l).join('\n')}\n`;
const results = (t: Template) => runTests(t).map((r) => (r.passed ? 'pass' : `fail: ${r.error}`));
const ES_FIELDS = "{ scriptId: '1', transport: 'es', consent: 'granted', bundleUrl: '/yespo-autotrack.min.js' }";

describe('the runner enforces ___WEB_PERMISSIONS___', () => {
  it('a global the template may not write is a permission error, and every scenario that reaches it fails', () => {
    const t = variant("setInWindow('yespoConfig', config, true)", "setInWindow('yespoSettings', config, true)");
    const failed = runTests(t).filter((r) => !r.passed);
    expect(failed.length).toBeGreaterThanOrEqual(4);
    expect(failed[0].error).toBe('PermissionError: Permission denied (access_globals): "yespoSettings" is not among the keys this template may access (yespoConfig)');
  });

  it('reading a global that is write-only is a permission error', () => {
    const t = withTests(scenario('reads', `const copyFromWindow = require('copyFromWindow');\ncopyFromWindow('yespoConfig');`));
    expect(results(t)).toEqual(['fail: PermissionError: Permission denied (access_globals): "yespoConfig" may not be read']);
  });

  it('a script URL no pattern allows is a permission error, unless injectScript is mocked (as in GTM)', () => {
    const t = withTests(
      scenario('unmocked', `runCode({ scriptId: '1', transport: 'es', consent: 'granted', bundleUrl: 'https://evil.example/yespo-autotrack.min.js.php' });`) +
        scenario('mocked', `mock('injectScript', function(url, ok) { ok(); });\nrunCode({ scriptId: '1', transport: 'es', consent: 'granted', bundleUrl: 'https://evil.example/x.js' });\nassertApi('gtmOnSuccess').wasCalled();`),
    );
    const [unmocked, mocked] = results(t);
    expect(unmocked).toMatch(/^fail: PermissionError: Permission denied \(inject_script\): "https:\/\/evil\.example\/yespo-autotrack\.min\.js\.php" matches none/);
    expect(mocked).toBe('pass');
  });

  it('an API whose permission the template does not declare is refused', () => {
    const t = variant(
      `"publicId": "logging",`,
      `"publicId": "logging_off",`,
    );
    expect(checkTemplate(t)).toContain('code requires logToConsole, but the logging permission is not declared');
    const run = fireTag(t, { scriptId: '1', debug: true });
    expect(run.error?.message).toBe('Permission denied (logging): the template does not declare the logging permission');
  });

  it('URL patterns: https only, host wildcards, path and query', () => {
    const page = 'https://www.shop.example/p';
    expect(urlMatches('https://*/yespo-autotrack.min.js', '/yespo-autotrack.min.js', page)).toBe(true);
    expect(urlMatches('https://*/yespo-autotrack.min.js', '/yespo-autotrack.min.js', 'http://www.shop.example/')).toBe(false);
    expect(urlMatches('https://*/yespo-autotrack.min.js', '/yespo-autotrack.min.js?v=2', page)).toBe(false);
    expect(urlMatches('https://*/yespo-autotrack.min.js*', '/yespo-autotrack.min.js?v=2', page)).toBe(true);
    expect(urlMatches('https://*/yespo-autotrack.min.js', '/js/yespo-autotrack.min.js', page)).toBe(false);
    expect(urlMatches('https://*.shop.example/*', 'https://static.shop.example/y.js', page)).toBe(true);
    expect(urlMatches('https://*.shop.example/*', 'https://shop.example/y.js', page)).toBe(false);
    expect(urlMatches('https://*.shop.example/*', 'https://evilshop.example/y.js', page)).toBe(false);
    expect(urlMatches('https://www.shop.example/y.js', 'https://WWW.shop.example/y.js', page)).toBe(true);
    expect(urlMatches('https://www.shop.example/y.js', 'https://www.shop.example:8443/y.js', page)).toBe(false);
    expect(urlMatches('https://www.shop.example/y.js', 'https://user@www.shop.example/y.js', page)).toBe(false);
    expect(urlMatches('https://*/y.js', '//cdn.example/y.js', 'https://www.shop.example/')).toBe(true);
  });

  it('reports malformed permission configurations', () => {
    const t = variant('"string": "https://*/yespo-autotrack.core.min.js"', '"string": "http://*/yespo-autotrack.core.min.js"');
    expect(checkTemplate(t)).toEqual(['inject_script: "http://*/yespo-autotrack.core.min.js" is not an https://host/path pattern']);
    const g = variant('"string": "yespoConfig"', '"string": "window"');
    expect(checkTemplate(g)).toContain('access_globals: "window" starts with a predefined browser global or keyword');
  });
});

describe('the runner runs ___TESTS___ as GTM does', () => {
  it('a false assertion fails its scenario with the reason, and the others still pass', () => {
    const t = withTests(
      scenario('wrong expectation', `runCode(${ES_FIELDS});\nassertApi('gtmOnFailure').wasCalled();`) +
        scenario('right expectation', `mock('injectScript', function(u, ok) { ok(); });\nrunCode(${ES_FIELDS});\nassertApi('gtmOnSuccess').wasCalled();`) +
        scenario('wrong value', `let url;\nmock('injectScript', function(u) { url = u; });\nrunCode(${ES_FIELDS});\nassertThat(url, 'the bundle').isEqualTo('/other.js');`) +
        scenario('wrong arguments', `runCode(${ES_FIELDS});\nassertApi('setInWindow').wasCalledWith('yespoConfig', { scriptId: '2' }, true);`) +
        scenario('fail', `fail('stop here');`),
    );
    expect(results(t)).toEqual([
      'fail: AssertionFailure: expected gtmOnFailure to be called, but it was not',
      'pass',
      'fail: AssertionFailure: the bundle: expected "/yespo-autotrack.min.js" to equal "/other.js"',
      'fail: AssertionFailure: expected setInWindow to be called with ("yespoConfig", {"scriptId":"2"}, true); calls: ("yespoConfig", {"scriptId":"1","transport":"es","consent":"granted"}, true)',
      'fail: AssertionFailure: stop here',
    ]);
  });

  it('assertThat has GTM subject methods', () => {
    const t = withTests(
      scenario(
        'subjects',
        `assertThat(undefined).isUndefined();
assertThat(null).isNull();
assertThat('abc').contains('b');
assertThat([1, { a: 2 }]).contains({ a: 2 });
assertThat([1, 2]).hasLength(2);
assertThat({}).isEmpty();
assertThat(3).isGreaterThan(2);
assertThat('x').isString();
assertThat({ a: [1] }).isEqualTo({ a: [1] });
assertThat({ a: [1] }).isNotStrictlyEqualTo({ a: [1] });
assertThat(require('getType')([])).isEqualTo('array');
assertThat(require('makeString')(12)).isStrictlyEqualTo('12');
assertThat(require('JSON').parse('{"a":1}')).isEqualTo({ a: 1 });`,
      ),
    );
    expect(results(t)).toEqual(['pass']);
  });

  it('the setup code runs before each scenario', () => {
    const t = parseTemplate(
      SOURCE.replace("setup: ''", "setup: |-\n  const FIELDS = " + ES_FIELDS + ';').replace(/scenarios:\n[^]*?\nsetup:/, `scenarios:\n${scenario('uses setup', "runCode(FIELDS);\nassertApi('injectScript').wasCalled();")}setup:`),
    );
    expect(t.tests.scenarios).toHaveLength(1);
    expect(results(t)).toEqual(['pass']);
  });

  it('an endless loop is stopped', () => {
    const t = withTests(scenario('loops', 'while (true) {}'));
    expect(results(t)[0]).toMatch(/timed out/);
  });
});

describe('the runner keeps code to sandboxed JavaScript', () => {
  it('page globals are not there, and the built-in prototypes have only GTM standard library methods', () => {
    const t = withTests(
      scenario('window', 'const w = window.location;') +
        scenario('JSON', 'JSON.stringify({});') +
        scenario('startsWith', "'abc'.startsWith('a');") +
        scenario('includes', '[1].includes(1);') +
        scenario('standard library', "assertThat('a-b'.split('-').map(function(s) { return s.toUpperCase(); }).join('')).isEqualTo('AB');\nassertThat(' x '.trim().charAt(0)).isEqualTo('x');") +
        scenario('this', 'const f = function() { return this; };\nassertThat(f()).isUndefined();'),
    );
    expect(results(t)).toEqual([
      "fail: TypeError: Cannot read properties of undefined (reading 'location')",
      "fail: TypeError: Cannot read properties of undefined (reading 'stringify')",
      'fail: TypeError: "abc".startsWith is not a function',
      'fail: TypeError: [1].includes is not a function',
      'pass',
      'pass',
    ]);
  });

  it('lint: the syntax and globals the editor refuses, with what to use instead', () => {
    const { problems, apis } = lintSandboxedJs(`const JSON = require('JSON');
const log = require('logToConsole');
const d = new Date();
const re = /a+/g;
const s = \`x\${d}\`;
const n = parseInt('1', 10);
const f = (...args) => args;
const api = require(name);
window.x = 1;
const ok = { window: 1, new: 2 }.window / 2;
log(JSON.stringify(ok), this);`);
    expect(apis).toEqual(['JSON', 'logToConsole']);
    expect(problems).toEqual([
      'line 3: `new` does not exist in sandboxed JavaScript',
      'line 3: `Date` is not available in sandboxed JavaScript; use getTimestampMillis',
      'line 4: regular-expression literals are not sandboxed JavaScript; use createRegex / testRegex',
      'line 5: template literals are not sandboxed JavaScript; join strings with +',
      'line 6: `parseInt` is not available in sandboxed JavaScript; use makeInteger',
      'line 7: spread and rest (...) are not sandboxed JavaScript',
      'line 8: require must be called with one string literal, so the permissions can be worked out',
      'line 9: `window` is not available in sandboxed JavaScript; use copyFromWindow / setInWindow / callInWindow',
      'line 11: `this` does not exist in sandboxed JavaScript',
    ]);
  });

  it('checkTemplate reports the code and test problems', () => {
    const t = variant("const debug = data.debug === true;", "const debug = data.debug === true || new Date() > 0;");
    expect(checkTemplate(t)).toEqual(['code line 12: `new` does not exist in sandboxed JavaScript', 'code line 12: `Date` is not available in sandboxed JavaScript; use getTimestampMillis']);
    expect(runScenario(t, t.tests.scenarios[0]).error).toBe("TypeError: Date is not a constructor");
  });
});

describe('the .tpl and YAML readers', () => {
  it('splits sections and refuses duplicates and stray text', () => {
    expect([...splitSections('___INFO___\n\n{}\n\n___NOTES___\nx\n').entries()]).toEqual([
      ['INFO', '{}'],
      ['NOTES', 'x'],
    ]);
    expect(() => splitSections('x\n___INFO___\n')).toThrow(/before the first/);
    expect(() => splitSections('___INFO___\n___INFO___\n')).toThrow(/twice/);
    expect(() => parseTemplate('___INFO___\n{}\n')).toThrow(/no ___TEMPLATE_PARAMETERS___/);
  });

  it('reads block scalars, quoted scalars over several lines, sequences of mappings and core-schema plain scalars', () => {
    const yaml = `# comment
scenarios:
- name: first
  code: |-
    const a = 1;

    # not a comment
    runCode(a);
- name: "second: quoted"
  code: "const b = 'x';\\n\\
    \\  b;\\nsecond\\
    \\ line\\n\\nfolded
    here"
setup: ''
list:
  - 12
  - 0x1F
  - 1.5e3
  - true
  - null
  - "0000"
  - abc123
  - {}
  - []
keep: |+
  a

strip: >-
  folded
  text
`;
    expect(parseYaml(yaml)).toEqual({
      scenarios: [
        { name: 'first', code: 'const a = 1;\n\n# not a comment\nrunCode(a);' },
        { name: 'second: quoted', code: "const b = 'x';\n  b;\nsecond line\n\nfolded here" },
      ],
      setup: '',
      list: [12, 31, 1500, true, null, '0000', 'abc123', {}, []],
      keep: 'a\n\n',
      strip: 'folded text',
    });
  });

  it('refuses what it does not read', () => {
    expect(() => parseYaml('a: &x 1\n')).toThrow(/anchors/);
    expect(() => parseYaml('a: [1, 2]\n')).toThrow(/flow collections/);
    expect(() => parseYaml('a: 1\na: 2\n')).toThrow(/duplicate key "a"/);
    expect(() => parseYaml('a: "open\n')).toThrow(/unterminated/);
  });
});
