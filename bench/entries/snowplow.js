// Snowplow browser tracker + element-tracking plugin: a page view, and impressions (expose events)
// of the same recommendation items the Yespo tracker reports, with the block as a component.
import { newTracker, trackPageView } from '@snowplow/browser-tracker';
import { SnowplowElementTrackingPlugin, startElementTracking } from '@snowplow/browser-plugin-element-tracking';

const MIN_VISIBLE_MS = (window.benchConfig && window.benchConfig.minVisibleMs) || 1000;

newTracker('sp', location.origin + '/collect/snowplow', {
  appId: 'bench',
  platform: 'web',
  eventMethod: 'post',
  plugins: [SnowplowElementTrackingPlugin()],
});
startElementTracking({
  elements: [
    { name: 'recs', selector: '[data-yespo-recs]', component: true, expose: false, details: { dataset: ['yespoRecs'] } },
    {
      name: 'rec_item',
      selector: '[data-yespo-rec-item]',
      expose: { when: 'pageview', minPercentage: 0.5, minTimeMillis: MIN_VISIBLE_MS },
      details: { dataset: ['yespoRecItem'] },
    },
  ],
});
trackPageView();
// The bench SPA says when a route has rendered.
window.addEventListener('bench:rendered', () => trackPageView());
