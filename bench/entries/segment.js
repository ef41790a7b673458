// Segment analytics-next (npm), source settings given inline so nothing is fetched from Segment's
// CDN; events go to the local server. A page event, and Product Viewed from the GA4 dataLayer's
// view_item (the glue an integrator writes, since Segment reads nothing from the page itself).
import { AnalyticsBrowser } from '@segment/analytics-next';

const analytics = AnalyticsBrowser.load({
  writeKey: 'bench',
  cdnSettings: {
    integrations: { 'Segment.io': { apiKey: 'bench', apiHost: location.host + '/collect/segment', protocol: location.protocol.slice(0, -1) } },
  },
});
window.analytics = analytics;

function viewItem() {
  const dl = window.dataLayer || [];
  for (let i = dl.length - 1; i >= 0; i--) if (dl[i] && dl[i].event === 'view_item') return dl[i].ecommerce;
}

function pageView(spa) {
  analytics.page();
  const e = viewItem();
  const item = e && e.items && e.items[0];
  if (item) analytics.track('Product Viewed', { product_id: item.item_id, name: item.item_name, price: item.price, currency: e.currency });
  else if (spa) analytics.track('Product Viewed', { product_id: spa.productKey, price: spa.price, currency: 'USD' });
}
pageView();
window.addEventListener('bench:rendered', (ev) => pageView(ev.detail));
