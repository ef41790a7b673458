import { modules } from '../chunks/modules';
import type { ResolvedConfig } from '../config/types';
import { readAttributes } from '../sources/attributes';
import { platformContext } from '../sources/platforms/detect';
import type { Evidence, SourceOptions } from '../types/evidence';
import type { Report } from '../types/problems';

const options = (cfg: ResolvedConfig, problem: Report): SourceOptions => ({ productKey: cfg.productKey, currency: cfg.currency, url: location.href, problem });

/** Whether the page prints structured data at all (the structured-data chunk is loaded only then). */
export const hasStructured = (doc: Document) =>
  !!(doc.querySelector('script[type="application/ld+json"],[itemscope]') || (doc.head && doc.head.querySelector('meta[property^="og:"],meta[property^="product:"]')));

/**
 * JSON-LD, microdata and OpenGraph (full build). One walk of the page finds the microdata items and
 * the JSON-LD blocks; the attribute reader made its own: a selector list costs about as much per
 * selector in it as per walk, so two walks of half the selectors cost what one walk of all of them
 * does, and can be two tasks.
 */
function structured(doc: Document, o: SourceOptions): Evidence[] {
  const m = modules.structured;
  return m ? m.structured(doc, o, doc.querySelectorAll('[itemscope],script[type]')) : [];
}

/** The detected platforms' page facts (full build). */
function platforms(doc: Document, o: SourceOptions, names: string[]): Evidence[] {
  const m = modules.platforms;
  return m && names.length ? m.readDetected(platformContext(doc, window, o), names) : [];
}

/**
 * Every source's evidence about the page, in precedence order: the `data-yespo-*` attributes
 * (`attrs`, maybe read a task earlier), JSON-LD, microdata, OpenGraph, what the dataLayer and the
 * platform's cart said (`extra`), the platform adapters of the platforms detected (`names`). The
 * core build (`__ZERO__` off) reads the attributes only.
 */
export function gatherEvidence(doc: Document, cfg: ResolvedConfig, problem: Report, extra: Evidence[] = [], attrs?: Evidence, names: string[] = []): Evidence[] {
  const a = attrs || readAttributes(doc, problem, cfg.currency);
  // A ternary, not an early return: the bundler drops the branch the core build never takes.
  return __ZERO__ ? [a, ...structured(doc, options(cfg, problem)), ...extra, ...platforms(doc, options(cfg, problem), names)] : [a];
}
