import { register } from './load';
import { platforms } from './platforms';

// The shop bundle's platform chunk: every adapter's page, cart and customer readers; loaded where a platform is detected.
register('platforms', platforms);
