import { createImpressions } from '../watch/impressions';
import { register } from './load';

// The shop bundle's impressions chunk: the IntersectionObserver engine, loaded where a page has recommendation items.
register('impressions', { createImpressions });
