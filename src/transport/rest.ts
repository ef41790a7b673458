import type { ResolvedConfig } from '../config';
import type { Log } from '../lib/log';
import { nanoid } from 'nanoid';
import { scCookie } from './cookie';
import { createOutbox, type Outbox } from './outbox';
import { restBody } from './restBody';

export interface Rest {
  /** `payload` is enriched (lib/identity.ts withGeneralInfo); `name` is the visitor's, which only REST carries. */
  send(name: string, payload: Record<string, unknown> | undefined, visitorName?: string): object | undefined;
  stop(): void;
}

/** One id per browser tab, kept across its page loads, so a tab's next page owns what the last one left. */
function tabId(): string {
  try {
    let id = sessionStorage.getItem('yespo:tab');
    if (!id) sessionStorage.setItem('yespo:tab', (id = nanoid(8)));
    return id;
  } catch {
    return nanoid(8);
  }
}

/** The REST transport: each event that REST defines becomes a POST body in the outbox. */
export function createRest(cfg: ResolvedConfig, log: Log): Rest {
  const sc = scCookie();
  const box: Outbox = createOutbox(cfg.restUrl, log, tabId());
  box.pump();
  return {
    send(name, payload, visitorName) {
      const body = restBody(name, payload, { siteId: cfg.siteId!, sc, now: Date.now(), name: visitorName });
      if (body) box.add(body);
      else __DEBUG__ && log.debug(`${name} has no REST form; not sent`);
      return body;
    },
    stop: box.stop,
  };
}
