import { register } from './load';
import { visitor } from './visitor';

// The core file's visitor chunk: identities, customer forms and wishlist buttons, loaded where a page has any of them.
register('visitor', visitor);
