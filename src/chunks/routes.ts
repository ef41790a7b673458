import { followRoutes } from '../watch/pageViews';

/** SPA page views: PageView at a route change, the new route read once it has settled. The core file loads it at the first route change. */
export const routes = { followRoutes };
