/**
 * A local stand-in for Yespo's eS script, so the demo shop never reaches the CDN. It takes over the
 * loader's queue, records every call in `window.__esCalls` and shows them in an "Event inspector".
 *
 * Loaded as `<script src="/es-standin.js" data-mode="rest">` (the shop's REST mode), it leaves
 * `window.eS` alone and shows the REST bodies the tracker sends and what the demo's collector
 * (`POST /collect`) made of them instead.
 */
import { checkEsCall } from '../src/schema/events';
import { createPanel, el, time } from './inspector';
import { startRestInspector } from './rest-inspector';

type EsCall = { args: unknown[]; at: number; auto?: true };
type LogEntry = EsCall & { problems: string[]; page: string; load: number };
type Host = { eS?: ((...args: unknown[]) => void) & { q?: unknown }; __esCalls?: EsCall[] };

const LOG_KEY = 'demo-es-log';
const MAX_LOG = 50;

const script = document.currentScript;
if (script && script.getAttribute('data-mode') === 'rest') startRestInspector();
else startEsStandin();

function startEsStandin(): void {
  const host = window as unknown as Host;
  const calls = (host.__esCalls ??= []);
  const load = Date.now();
  const page = location.pathname + location.search;
  let log = readLog();
  let pageViewSent = false;

  function readLog(): LogEntry[] {
    try {
      const stored: unknown = JSON.parse(sessionStorage.getItem(LOG_KEY) || '[]');
      return Array.isArray(stored) ? stored : [];
    } catch {
      return [];
    }
  }

  function writeLog(): void {
    try {
      sessionStorage.setItem(LOG_KEY, JSON.stringify(log));
    } catch {
      // Private mode or a full quota: the inspector still shows this page's calls.
    }
  }

  const isArguments = (value: unknown): value is IArguments => Object.prototype.toString.call(value) === '[object Arguments]';

  /** The loader snippet queues `f.c(arguments)`, so each entry may wrap the real arguments once more. */
  function unwrap(entry: unknown): unknown[] {
    const args = Array.from(entry as ArrayLike<unknown>);
    return args.length === 1 && isArguments(args[0]) ? Array.from(args[0]) : args;
  }

  function validate(args: unknown[]): string[] {
    try {
      return checkEsCall(args);
    } catch (error) {
      return [`validator failed: ${String(error)}`];
    }
  }

  function plain(args: unknown[]): unknown[] {
    try {
      return JSON.parse(JSON.stringify(args)) as unknown[];
    } catch {
      return args.map(String);
    }
  }

  function record(args: unknown[], auto?: true): void {
    const call: EsCall = auto ? { args, at: Date.now(), auto } : { args, at: Date.now() };
    calls.push(call);
    log = [{ ...call, args: plain(args), problems: validate(args), page, load }, ...log].slice(0, MAX_LOG);
    writeLog();
    render();
    if (args[0] === 'init' && !pageViewSent) {
      pageViewSent = true;
      record(['sendEvent', 'PageView', { PageView: {} }], true);
    }
  }

  function callItem(entry: LogEntry): HTMLElement {
    const [method, name] = entry.args;
    const payload = entry.args.slice(method === 'sendEvent' ? 2 : 1);
    const item = el('li', `call ${entry.problems.length ? 'bad' : 'ok'}${entry.load === load ? '' : ' old'}`);
    const row = el('div', 'row');
    row.append(el('span', 'mark', entry.problems.length ? '✗' : '✓'), el('b', '', String(method === 'sendEvent' ? name : method)));
    if (entry.auto) row.append(el('span', 'tag', 'auto'));
    row.append(el('time', '', time(entry.at)));
    item.append(row);
    if (payload.length) item.append(el('pre', '', JSON.stringify(payload.length === 1 ? payload[0] : payload, null, 2)));
    if (entry.problems.length) {
      const problems = el('ul');
      problems.append(...entry.problems.map((problem) => el('li', '', problem)));
      item.append(problems);
    }
    return item;
  }

  const separator = (entry: Pick<LogEntry, 'load' | 'page'>) =>
    el('li', 'sep', `${entry.load === load ? 'This page' : 'Earlier page'} · ${entry.page} · loaded ${time(entry.load)}`);

  const { list, count } = createPanel(() => {
    log = [];
    writeLog();
    render();
  });

  function render(): void {
    try {
      count.textContent = `(${calls.length})`;
      const items: HTMLElement[] = log[0]?.load === load ? [] : [separator({ load, page })];
      log.forEach((entry, i) => {
        if (entry.load !== log[i - 1]?.load) items.push(separator(entry));
        items.push(callItem(entry));
      });
      list.replaceChildren(...items);
    } catch {
      // The inspector must never break the page it inspects.
    }
  }

  const queue = host.eS?.q;
  host.eS = (...args: unknown[]) => record(args);
  if (Array.isArray(queue)) {
    queue.splice(0).forEach((entry) => record(unwrap(entry)));
    // The tracker may keep its own reference to the queueing function: later pushes are recorded too.
    queue.push = (...entries: unknown[]) => {
      entries.forEach((entry) => record(unwrap(entry)));
      return queue.length;
    };
  }
  render();
}
