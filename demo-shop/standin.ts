/**
 * A local stand-in for Yespo's eS script, so the demo shop never reaches the CDN. It takes over the
 * loader's queue, records every call in `window.__esCalls` and shows them in an "Event inspector".
 */
import { checkEsCall } from '../src/schema/events';

type EsCall = { args: unknown[]; at: number; auto?: true };
type LogEntry = EsCall & { problems: string[]; page: string; load: number };
type Host = { eS?: ((...args: unknown[]) => void) & { q?: unknown }; __esCalls?: EsCall[] };

const LOG_KEY = 'demo-es-log';
const STATE_KEY = 'demo-es-inspector';
const MAX_LOG = 50;

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

const CSS = `
:host { all: initial; }
section {
  position: fixed; right: 12px; bottom: 12px; z-index: 2147483000; display: flex; flex-direction: column;
  width: min(40vw, 440px); max-height: 45vh; overflow: hidden; border-radius: 10px;
  background: #0f172a; color: #e2e8f0; box-shadow: 0 8px 30px rgb(0 0 0 / .3);
  font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
section.collapsed { width: auto; }
@media (max-width: 599px) { section { left: 12px; width: auto; } }
section.collapsed ol { display: none; }
header { display: flex; align-items: center; gap: 8px; padding: 8px 10px; background: #1e293b; font: 600 13px system-ui, sans-serif; }
header strong { flex: 1; white-space: nowrap; }
.count { font-weight: 400; color: #94a3b8; }
button { font: 12px system-ui, sans-serif; color: inherit; background: #334155; border: 0; border-radius: 6px; padding: 3px 8px; cursor: pointer; }
button:hover { background: #475569; }
ol { list-style: none; margin: 0; padding: 0; overflow: auto; }
.sep { padding: 4px 10px; background: #1e293b; color: #94a3b8; font: 11px system-ui, sans-serif; border-top: 1px solid #334155; }
.call { padding: 6px 10px; border-top: 1px solid #1e293b; }
.old { opacity: .6; }
.row { display: flex; gap: 6px; align-items: baseline; }
.ok .mark { color: #4ade80; }
.bad .mark { color: #f87171; }
.tag { font-size: 10px; padding: 0 4px; border: 1px solid #64748b; border-radius: 4px; color: #94a3b8; }
time { margin-left: auto; color: #94a3b8; }
pre { margin: 4px 0 0; max-height: 14em; overflow: auto; white-space: pre-wrap; word-break: break-word; color: #a5f3fc; }
ul { margin: 4px 0 0; padding-left: 18px; color: #fca5a5; }
`;

function el(tag: string, className?: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const time = (at: number) => {
  const d = new Date(at);
  return d.toTimeString().slice(0, 8) + '.' + String(d.getMilliseconds()).padStart(3, '0');
};

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

const panelHost = el('div');
panelHost.id = 'es-inspector';
const root = panelHost.attachShadow({ mode: 'open' });
root.innerHTML = `<style>${CSS}</style><section><header><strong>Event inspector <span class="count"></span></strong>`
  + '<button class="clear" type="button">Clear</button><button class="toggle" type="button"></button></header><ol></ol></section>';
const panel = root.querySelector('section') as HTMLElement;
const list = root.querySelector('ol') as HTMLElement;
const count = root.querySelector('.count') as HTMLElement;
const toggle = root.querySelector('.toggle') as HTMLButtonElement;

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

function wasOpen(): boolean {
  try {
    return sessionStorage.getItem(STATE_KEY) !== 'closed';
  } catch {
    return true;
  }
}

function setOpen(open: boolean): void {
  panel.classList.toggle('collapsed', !open);
  toggle.textContent = open ? 'Hide' : 'Show';
  toggle.setAttribute('aria-expanded', String(open));
  document.documentElement.classList.toggle('es-inspector-open', open);
  try {
    sessionStorage.setItem(STATE_KEY, open ? 'open' : 'closed');
  } catch {
    // Not remembered across pages; nothing else depends on it.
  }
}

toggle.addEventListener('click', () => setOpen(panel.classList.contains('collapsed')));
root.querySelector('.clear')?.addEventListener('click', () => {
  log = [];
  writeLog();
  render();
});

document.documentElement.classList.add('es-inspector');
setOpen(wasOpen());
(document.body || document.documentElement).append(panelHost);

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
