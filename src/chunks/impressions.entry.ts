import { readRecAddToCart } from '../sources/recs';
import { createImpressions } from '../watch/impressions';
import { register } from './load';

// The shop bundle's impressions chunk: the IntersectionObserver engine and the recommendation add-to-cart reader, loaded where a page has recommendation items.
register('impressions', { createImpressions, readRecAddToCart });
