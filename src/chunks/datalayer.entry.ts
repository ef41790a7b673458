import { fold } from '../page/fold';
import { readDataLayerEntry } from '../sources/datalayer';
import { register } from './load';

// The shop bundle's dataLayer chunk: GA4 / UA ecommerce entries read and folded into the page's evidence.
register('datalayer', { readDataLayerEntry, fold });
