import type { Log } from '../lib/log';

/**
 * POSTs one REST body. `keepalive` lets it outlive the page: Shopify may move on from the Thank
 * you page (or tear the sandbox down) right after checkout_completed. No retries: the pixel has
 * no later page to retry from. Failures are debug lines, never rejections.
 */
export function post(url: string, body: unknown, log: Log): void {
  try {
    fetch(url, { method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(
      (r) => log.debug(r.ok ? 'delivered' : 'refused with ' + r.status, body),
      (e) => log.debug('not delivered:', e),
    );
  } catch (e) {
    log.debug('not delivered:', e);
  }
}
