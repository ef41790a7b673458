// Shapes the audit passes between its parts. The inspection is the debug build's `yespo.inspect()`
// (src/types/model.ts), kept loose here: the audit must also read older or foreign builds.

import type { Level, Problem } from './problems.mjs';

export type { Level, Problem };

export interface PageModel {
  type: string;
  typeFrom: string;
  from?: Record<string, string>;
  product?: { productKey?: string; price?: string; [k: string]: unknown };
  category?: unknown;
  cart?: unknown;
  order?: unknown;
  customer?: unknown;
  search?: unknown;
  /** Tolerances the readers used (src/types/model.ts). */
  notes?: string[];
}

export interface Inspection {
  version?: string;
  config?: {
    transport?: string;
    consent?: string;
    dataLayer?: false | string;
    impressions?: { blockSelector?: string; minVisibleMs?: number; flushMs?: number };
    [k: string]: unknown;
  };
  page?: PageModel;
  problems?: Array<Problem | string>;
  events?: Array<{ name: string; payload?: unknown; body?: unknown }>;
  consent?: 'granted' | 'pending' | 'denied';
  google?: string;
  cart?: { items: unknown[]; from: string };
}

export interface SentEvent {
  name: string;
  payload?: unknown;
  via?: 'rest';
  body?: unknown;
}

/** What the audit saw on one page, as plain data: the input of the checks. */
export interface Observed {
  running: boolean;
  version: string;
  inspection?: Inspection;
  /** The eS calls as recorded (auto calls of the eS script left out). */
  calls: unknown[][];
  /** The `yespo:event` details the tracker dispatched. */
  sent: SentEvent[];
  /** Event bodies posted to a tracker API. */
  restBodies: Array<{ GeneralInfo: { eventName: string } }>;
  pageErrors: string[];
  /** `[yespo]` console errors and warnings. */
  logged: Array<{ type: string; text: string }>;
  /** What the page set as its own `window.yespoConfig`. */
  cfg?: { own: boolean; keys: string[] };
  /** `window.yespoConfig` after the audit's keys were filled in. */
  config?: Record<string, unknown>;
  scriptIdAttr: boolean;
  /** How the audit accepted held consent. */
  granted: false | 'google' | 'config';
  /** Which copy of the tracker ran. */
  bundle: 'injected' | 'page' | 'page-debug' | null;
  /** Same-origin links of the page (for the crawl). */
  links?: string[];
}

/** The format checks of the package's schema (dist/schema.js). */
export interface Formats {
  checkEsCall(call: unknown[]): string[];
  checkRestBody(body: unknown): string[];
}

/** One audited page, as the reports show it. */
export interface PageReport {
  input: string;
  url: string;
  kind?: string;
  status: number | null;
  bundle: Observed['bundle'];
  version: string | null;
  type: string | null;
  typeFrom: string | null;
  facts: Record<string, { value: unknown; from: string }>;
  /** Tolerances the readers used to read the page ("Offers read as offers"). */
  notes?: string[];
  events: SentEvent[];
  problems: Problem[];
  blocked: number;
  ms?: number;
}

/** Per page kind: what the pages of one URL pattern came to. */
export interface KindSummary {
  kind: string;
  pages: number;
  outcome: { ok: number; warning: number; error: number };
  types: Record<string, number>;
  events: Record<string, number>;
  problems: Record<string, number>;
}

export interface CartScenario {
  url: string;
  button?: string;
  sent: boolean;
  event?: SentEvent;
  problems: Problem[];
}

export interface SiteReport {
  version: string;
  started: string;
  source?: { sitemap?: string; crawl?: string };
  pages: PageReport[];
  kinds: KindSummary[];
  skipped: { robots: string[]; sample: number; limit: number };
  cart?: CartScenario;
  regressions?: Regression[];
}

export interface Regression {
  url: string;
  code?: string;
  message: string;
}
