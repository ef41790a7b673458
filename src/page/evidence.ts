import type { ResolvedConfig } from '../config/types';
import type { Evidence, SourceOptions } from '../types/evidence';
import type { Report } from '../types/problems';
import { readAttributes } from '../sources/attributes';
import { readJsonLd } from '../sources/jsonld';
import { readMicrodata } from '../sources/microdata';
import { readOpenGraph } from '../sources/opengraph';
import { readPlatforms } from '../sources/platforms';

const options = (cfg: ResolvedConfig, problem: Report): SourceOptions => ({ productKey: cfg.productKey, currency: cfg.currency, url: location.href, problem });

/**
 * JSON-LD, microdata and OpenGraph (full build). One walk of the page finds the microdata items and
 * the JSON-LD blocks; the attribute reader made its own: a selector list costs about as much per
 * selector in it as per walk, so two walks of half the selectors cost what one walk of all of them
 * does, and can be two tasks.
 */
function structured(doc: Document, o: SourceOptions): Evidence[] {
  const all = doc.querySelectorAll('[itemscope],script[type]');
  return [readJsonLd(doc, o, all), readMicrodata(doc, o, all), readOpenGraph(doc, o)];
}

/**
 * Every source's evidence about the page, in precedence order: the `data-yespo-*` attributes
 * (`attrs`, maybe read a task earlier), JSON-LD, microdata, OpenGraph, what the dataLayer said
 * (`extra`), the platform adapters. The core build (`__ZERO__` off) reads the attributes only.
 */
export function gatherEvidence(doc: Document, cfg: ResolvedConfig, problem: Report, extra: Evidence[] = [], attrs?: Evidence): Evidence[] {
  const a = attrs || readAttributes(doc, problem, cfg.currency);
  // A ternary, not an early return: the bundler drops the branch the core build never takes.
  return __ZERO__ ? [a, ...structured(doc, options(cfg, problem)), ...extra, ...(cfg.platforms ? readPlatforms(doc, window, options(cfg, problem), cfg.platforms) : [])] : [a];
}
