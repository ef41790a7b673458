// PostHog with autocapture and history-change page views; every request goes to the local server.
import posthog from 'posthog-js';

posthog.init('phc_bench', {
  api_host: location.origin + '/collect/posthog',
  defaults: '2026-08-30',
  autocapture: true,
  capture_pageview: 'history_change',
  disable_session_recording: true,
  persistence: 'localStorage',
});
window.posthog = posthog;
