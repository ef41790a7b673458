import { register } from './load';
import { createRest } from './rest';

// The shop bundle's REST chunk: the outbox and the REST bodies; loaded once REST is in use.
register('rest', { createRest });
