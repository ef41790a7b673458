import { register } from './load';
import { routes } from './routes';

// The core file's routes chunk: SPA page views, loaded at the first route change or yespo.page().
register('routes', routes);
