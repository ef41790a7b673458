/**
 * The Event inspector of the shop's REST mode. The tracker POSTs REST bodies to the demo's
 * collector (`POST /collect`) and announces each as a `yespo:event` CustomEvent; this lists them,
 * with what the collector answered: ✓, or ✗ and the problems `checkRestBody` found, and the failed
 * attempts before (fault injection). `window.eS` and `window.__esCalls` are left alone.
 */
import { createPanel, el, time } from './inspector';

/** An entry of `GET /collect/log`. */
interface Collected {
  at: number;
  status: number;
  body: unknown;
  problems: string[];
  injected?: boolean;
}

/** A body the tracker of this page sent (from its `yespo:event`). */
interface Sent {
  name: string;
  body: unknown;
  key: string;
  at: number;
}

interface Item {
  name: string;
  body: unknown;
  at: number;
  sent: boolean;
  attempts: Collected[];
}

const POLL_MS = 1000;

const json = (value: unknown) => {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
};

const scOf = (body: unknown): string | undefined => {
  const sc = (body as { GeneralInfo?: { cookies?: { sc?: unknown } } } | null)?.GeneralInfo?.cookies?.sc;
  return typeof sc === 'string' ? sc : undefined;
};

const nameOf = (body: unknown): string => {
  const name = (body as { GeneralInfo?: { eventName?: unknown } } | null)?.GeneralInfo?.eventName;
  return typeof name === 'string' ? name : typeof body === 'string' ? '(not JSON)' : '(no eventName)';
};

function cookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function startRestInspector(): void {
  const load = Date.now();
  const page = location.pathname + location.search;
  const sent: Sent[] = [];
  let collected: Collected[] = [];
  /** Nothing before this is shown ("Clear" moves it). */
  let since = load;
  let trouble = '';
  let busy = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** This visitor's `sc` cookie, which every body carries: the collector's entries of other visitors are left out. */
  const visitor = () => cookie('sc') || (sent.length ? scOf(sent[sent.length - 1].body) : undefined);

  window.addEventListener('yespo:event', (event) => {
    try {
      const detail = (event as CustomEvent<{ name?: unknown; body?: unknown }>).detail;
      if (!detail || detail.body === undefined) return;
      const key = json(detail.body);
      sent.push({ name: String(detail.name), body: JSON.parse(key), key, at: Date.now() });
      render();
      poll(300);
    } catch {
      // The inspector must never break the page it inspects.
    }
  });

  /** Each sent body with the collector's answers to it, and what the collector got from elsewhere (an earlier page's outbox). */
  function items(): Item[] {
    const rest = collected.filter((c) => c.at >= since);
    const out: Item[] = sent
      .filter((s) => s.at >= since)
      .map((s) => {
        const attempts = rest.filter((c) => json(c.body) === s.key);
        return { name: s.name, body: s.body, at: s.at, sent: true, attempts };
      });
    const matched = new Set(out.reduce<Collected[]>((all, item) => all.concat(item.attempts), []));
    const others = new Map<string, Item>();
    for (const c of rest) {
      if (matched.has(c)) continue;
      const key = json(c.body);
      const item = others.get(key);
      if (item) item.attempts.push(c);
      else others.set(key, { name: nameOf(c.body), body: c.body, at: c.at, sent: false, attempts: [c] });
    }
    return out.concat(Array.from(others.values())).sort((a, b) => a.at - b.at);
  }

  function eventItem(item: Item): HTMLElement {
    const final = item.attempts.filter((c) => c.status < 500 && !c.injected).pop();
    const ok = !!final && final.status === 200 && !final.problems.length;
    const state = final ? (ok ? 'ok' : 'bad') : 'wait';
    const li = el('li', `call ${state}${item.sent ? '' : ' old'}`);
    const row = el('div', 'row');
    row.append(el('span', 'mark', final ? (ok ? '✓' : '✗') : '…'), el('b', '', item.name));
    row.append(el('span', 'tag', item.sent ? 'REST' : 'not from this page'));
    row.append(el('time', '', time(item.at)));
    li.append(row);
    const answers = item.attempts.map((c) => `${c.status}${c.injected ? ' (fault injection)' : ''}`);
    const note = !item.attempts.length
      ? 'queued: not at the collector yet'
      : `POST /collect answered ${answers.join(' → ')}${final ? '' : ', retrying'}`;
    li.append(el('div', 'attempts', note));
    li.append(el('pre', '', typeof item.body === 'string' ? item.body : JSON.stringify(item.body, null, 2)));
    const problems = final ? final.problems : [];
    if (problems.length) {
      const ul = el('ul');
      ul.append(...problems.map((problem) => el('li', '', problem)));
      li.append(ul);
    }
    return li;
  }

  const { list, count, isOpen } = createPanel(
    () => {
      since = Date.now();
      render();
    },
    () => poll(0),
  );

  function render(): void {
    try {
      const all = items();
      count.textContent = `(${sent.filter((s) => s.at >= since).length})`;
      const head = [el('li', 'sep', `REST mode · POST /collect · This page · ${page} · loaded ${time(load)}`)];
      if (trouble) head.push(el('li', 'sep warn', trouble));
      list.replaceChildren(...head, ...all.map(eventItem));
    } catch {
      // The inspector must never break the page it inspects.
    }
  }

  async function fetchLog(): Promise<void> {
    const sc = visitor();
    if (!sc) return;
    try {
      const res = await fetch(`/collect/log?sc=${encodeURIComponent(sc)}&since=${load}`, { cache: 'no-store', credentials: 'same-origin' });
      if (!res.ok) throw new Error(`GET /collect/log answered ${res.status}`);
      const entries: unknown = await res.json();
      if (!Array.isArray(entries)) throw new Error('GET /collect/log did not answer a list');
      collected = (entries as Collected[]).filter((c) => c && typeof c.at === 'number' && c.at >= load && scOf(c.body) === sc);
      trouble = '';
    } catch (error) {
      trouble = `Cannot read the collector's log: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Reads the collector's log now (or in `ms`), then every second while the panel is open. */
  function poll(ms = POLL_MS): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
  }

  function tick(): void {
    timer = undefined;
    if (!isOpen() || busy) return;
    if (document.visibilityState === 'hidden') return poll();
    busy = true;
    fetchLog().then(() => {
      busy = false;
      render();
      poll();
    });
  }

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') poll(0);
  });
  render();
  poll(0);
}
