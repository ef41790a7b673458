/**
 * The "Event inspector" panel of the demo shop (bottom right, in a shadow root so the shop's CSS
 * cannot reach it), shared by both modes of the stand-in: eS calls and REST bodies.
 */

const STATE_KEY = 'demo-es-inspector';

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
.wait .mark { color: #fbbf24; }
.tag { font-size: 10px; padding: 0 4px; border: 1px solid #64748b; border-radius: 4px; color: #94a3b8; }
.attempts { margin-top: 2px; color: #94a3b8; font: 11px system-ui, sans-serif; }
.sep.warn { color: #fbbf24; }
time { margin-left: auto; color: #94a3b8; }
pre { margin: 4px 0 0; max-height: 14em; overflow: auto; white-space: pre-wrap; word-break: break-word; color: #a5f3fc; }
ul { margin: 4px 0 0; padding-left: 18px; color: #fca5a5; }
`;

export function el(tag: string, className?: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export const time = (at: number) => {
  const d = new Date(at);
  return d.toTimeString().slice(0, 8) + '.' + String(d.getMilliseconds()).padStart(3, '0');
};

export interface Panel {
  list: HTMLElement;
  count: HTMLElement;
  isOpen(): boolean;
}

function wasOpen(): boolean {
  try {
    return sessionStorage.getItem(STATE_KEY) !== 'closed';
  } catch {
    return true;
  }
}

/**
 * Builds the panel and adds it to the page, open or closed as the visitor left it on the last
 * page. `onClear` runs on "Clear"; `onOpen` each time the panel is opened.
 */
export function createPanel(onClear: () => void, onOpen?: () => void): Panel {
  const panelHost = el('div');
  panelHost.id = 'es-inspector';
  const root = panelHost.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>${CSS}</style><section><header><strong>Event inspector <span class="count"></span></strong>`
    + '<button class="clear" type="button">Clear</button><button class="toggle" type="button"></button></header><ol></ol></section>';
  const panel = root.querySelector('section') as HTMLElement;
  const list = root.querySelector('ol') as HTMLElement;
  const count = root.querySelector('.count') as HTMLElement;
  const toggle = root.querySelector('.toggle') as HTMLButtonElement;

  const isOpen = () => !panel.classList.contains('collapsed');
  const setOpen = (open: boolean) => {
    panel.classList.toggle('collapsed', !open);
    toggle.textContent = open ? 'Hide' : 'Show';
    toggle.setAttribute('aria-expanded', String(open));
    document.documentElement.classList.toggle('es-inspector-open', open);
    try {
      sessionStorage.setItem(STATE_KEY, open ? 'open' : 'closed');
    } catch {
      // Not remembered across pages; nothing else depends on it.
    }
  };

  toggle.addEventListener('click', () => {
    setOpen(!isOpen());
    if (isOpen() && onOpen) onOpen();
  });
  root.querySelector('.clear')?.addEventListener('click', onClear);

  document.documentElement.classList.add('es-inspector');
  setOpen(wasOpen());
  (document.body || document.documentElement).append(panelHost);
  return { list, count, isOpen };
}
