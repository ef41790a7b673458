import type { Reader } from '../reader';
import type { Started } from '../start';
import type { Outgoing } from '../types/model';
import { createRoute } from './route';

/** What page views read and send with, and the watchers once they have started. */
export interface PageViewContext {
  reader: Reader;
  send(o: Outgoing): void;
  summary(views: number): void;
  started(): Started | undefined;
}

/**
 * Page views: a route change flushes what the old view saw, starts a new view and sends PageView;
 * once the new content has settled it is read and its recommendation items observed afresh.
 */
export function followRoutes(c: PageViewContext) {
  let views = 1;
  const route = createRoute({
    begin() {
      const w = c.started();
      if (w) w.impressions.flush();
      c.reader.newView();
      views++;
      c.send(['PageView', { PageView: {} }]);
    },
    settle() {
      const w = c.started();
      // The page rendered and then said so (`yespo.page()` in the same task): the impressions reset and
      // the read below take in those changes, so their mutation records start nothing more.
      if (w) w.impressions.reset(), w.reading();
      c.reader.scan(true);
      c.summary(views);
    },
  });
  return { route, views: () => views };
}

export type PageViews = ReturnType<typeof followRoutes>;
