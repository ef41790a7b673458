// @vitest-environment jsdom
// The sender: the consent hold queue, one GeneralInfo enrichment for eS and REST alike.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkConfig } from '../../src/config';
import { createLog } from '../../src/lib/log';
import { createStore } from '../../src/lib/storage';
import { createSender } from '../../src/transport/sender';
import type { ConsentState } from '../../src/types/model';

const setup = (extra: Record<string, unknown>, consent: ConsentState = 'granted') => {
  const cfg = checkConfig({ scriptId: '1', siteId: 'S', scriptUrl: '/es.js', restUrl: '/collect', ...extra }).config!;
  let state = consent;
  const sent: Array<{ name: string }> = [];
  const sender = createSender({
    cfg,
    log: createLog(false),
    sessionStore: createStore('sessionStorage'),
    consent: () => state,
    identity: () => ({ email: 'ann@example.com', name: 'Ann' }),
    sent: () => sent,
  });
  return { sender, sent, set: (s: ConsentState) => (state = s) };
};

afterEach(() => {
  delete (window as { eS?: unknown }).eS;
  document.body.innerHTML = '';
  localStorage.clear();
  vi.restoreAllMocks();
});

// The loader queues each call as the `arguments` of its own call, as Yespo's snippet does.
const esCalls = () => ((window as unknown as { eS: { q: IArguments[] } }).eS.q || []).map((a) => Array.from(a[0] as unknown as IArguments));

describe('sender', () => {
  it('eS: the visitor as GeneralInfo, under the event\'s own GeneralInfo fields', () => {
    const { sender } = setup({});
    sender.open();
    sender.send('ProductPage', { ProductPage: { productKey: 'A' }, GeneralInfo: { s_location: 'blk' } });
    expect(esCalls()).toEqual([
      ['init', { TRACKING: false, RECOMS: true }],
      ['sendEvent', 'ProductPage', { ProductPage: { productKey: 'A' }, GeneralInfo: { user_email: 'ann@example.com', s_location: 'blk' } }],
    ]);
  });

  it('REST: the same enrichment, plus the name REST carries', () => {
    const fetch = vi.fn(() => Promise.resolve(new Response('', { status: 200 })));
    vi.stubGlobal('fetch', fetch);
    const { sender, sent } = setup({ transport: 'rest' });
    sender.open();
    sender.send('CategoryPage', { CategoryPage: { categoryKey: 'c' } });
    const body = (sent[0] as unknown as { body: { GeneralInfo: Record<string, unknown> } }).body;
    expect(body.GeneralInfo).toMatchObject({ eventName: 'CategoryPage', siteId: 'S', user_email: 'ann@example.com', user_name: 'Ann' });
    vi.unstubAllGlobals();
  });

  it('pending holds events until opened; denied drops them', () => {
    const a = setup({}, 'pending');
    a.sender.send('MainPage');
    expect((window as { eS?: unknown }).eS).toBeUndefined();
    a.set('granted');
    a.sender.open();
    expect(esCalls().map((c) => c[1])).toEqual([{ TRACKING: false, RECOMS: true }, 'MainPage']);

    delete (window as { eS?: unknown }).eS;
    const b = setup({}, 'pending');
    b.sender.send('MainPage');
    b.set('denied');
    b.sender.drop();
    b.sender.send('NotFound');
    expect(b.sent).toEqual([]);
  });
});
