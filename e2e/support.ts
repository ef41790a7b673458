import { test as base, expect, type Page } from '@playwright/test';
import { checkEsCall } from '../src/schema/events';
import { ES_RECORDER } from '../bin/chromium.mjs';
import { SPA_GLUE, YESPO_CONFIG } from '../bench/variants.mjs';

export { expect };

export type Call = unknown[];

/** A stand-in for Yespo's CDN script that records calls the way the demo's stand-in does. */
export const RECORDER = ES_RECORDER;

interface Fixtures {
  shop: Page;
  /** Requests that tried to leave this machine. */
  outside: string[];
  pageErrors: string[];
}

/**
 * Every test page: requests to anything but the local shop are blocked (Yespo's CDN gets the
 * recorder), uncaught page errors are collected and must be none, and every eS call the page made
 * must match the event schemas.
 */
export const test = base.extend<Fixtures>({
  outside: async ({}, use) => use([]),
  pageErrors: async ({}, use) => use([]),
  shop: async ({ page, outside, pageErrors }, use) => {
    await page.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => {
      outside.push(route.request().url());
      return route.abort();
    });
    await page.route('https://cdn.esputnik.com/scripts/**', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: RECORDER }),
    );
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await use(page);
    for (const c of await allCalls(page).catch(() => [])) expect(checkEsCall(c), JSON.stringify(c)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(outside.filter((u) => !u.startsWith('https://cdn.esputnik.com/'))).toEqual([]);
  },
});

/** Every eS call of the current page, the stand-in's automatic PageView left out. */
export async function allCalls(page: Page): Promise<Call[]> {
  return page.evaluate(() =>
    ((window as unknown as { __esCalls?: Array<{ args: unknown[]; auto?: boolean }> }).__esCalls || [])
      .filter((c) => !c.auto)
      .map((c) => JSON.parse(JSON.stringify(c.args))),
  );
}

/** `['Name', payload]` of each sendEvent call. */
export async function events(page: Page): Promise<Call[]> {
  return (await allCalls(page)).filter((c) => c[0] === 'sendEvent').map((c) => c.slice(1));
}

export const names = async (page: Page) => (await events(page)).map((e) => e[0]);

/** Waits until the page has sent `n` events and returns them. */
export async function waitForEvents(page: Page, n: number): Promise<Call[]> {
  await expect.poll(async () => (await events(page)).length, { timeout: 5000 }).toBeGreaterThanOrEqual(n);
  return events(page);
}

/** Lets late work (mutation debounce, timers) finish, then returns the events. */
export async function settled(page: Page, ms = 400): Promise<Call[]> {
  await page.waitForTimeout(ms);
  return events(page);
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Serves `html` at `path` of the shop's origin, with the tracker bundle available as usual. */
export async function servePage(page: Page, path: string, html: string, status = 200) {
  await page.route(`**${path}`, (route) => route.fulfill({ status, contentType: 'text/html', body: html }));
}

export const TRACKER_TAG = '<script src="/yespo-autotrack.min.js" async></script>';

/**
 * Waits until the page has the REST endpoint's answers (its outbox is empty). REST is
 * at-least-once: a page left before an answer arrives may send the event again from the next page.
 */
export const answered = (page: Page) =>
  expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('yespo:o:')).length)).toBe(0);

/**
 * A benchmark page (bench/pages) with the shop bundle in place of its `<!--TRACKER-->` marker,
 * configured as the bench configures it; `spa`: with the bench's `yespo.page()` hook on each route.
 */
export const benchPage = (html: string, spa = false) =>
  html.replace('<!--TRACKER-->', () => `<script>${YESPO_CONFIG}</script>${spa ? SPA_GLUE : ''}${TRACKER_TAG}`);
