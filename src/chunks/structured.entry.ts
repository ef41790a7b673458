import { register } from './load';
import { structured } from './structured';

// The shop bundle's structured-data chunk: loaded on pages that print JSON-LD, microdata or OpenGraph.
register('structured', { structured });
