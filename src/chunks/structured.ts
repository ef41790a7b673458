import { readJsonLd } from '../sources/jsonld';
import { readMicrodata } from '../sources/microdata';
import { readOpenGraph } from '../sources/opengraph';
import type { Evidence, SourceOptions } from '../types/evidence';

/**
 * JSON-LD, microdata and OpenGraph (full build; a chunk of the shop bundle). `all`: the page's
 * `[itemscope],script[type]` elements, from the one walk that found them.
 */
export function structured(doc: Document, o: SourceOptions, all: ArrayLike<Element>): Evidence[] {
  return [readJsonLd(doc, o, all), readMicrodata(doc, o, all), readOpenGraph(doc, o)];
}
