import { test, expect, allCalls, events, settled, servePage, TRACKER_TAG, waitForEvents } from './support';

test('home page: init first, then MainPage, once', async ({ shop }) => {
  await shop.goto('/');
  await waitForEvents(shop, 1);
  const calls = await settled(shop);
  expect((await allCalls(shop))[0]).toEqual(['init', { TRACKING: false, RECOMS: true }]);
  expect(calls).toEqual([['MainPage']]);
});

test('category page → CategoryPage', async ({ shop }) => {
  await shop.goto('/category/bags');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['CategoryPage', { CategoryPage: { categoryKey: 'bags' } }]]);
});

test('product page → ProductPage with price, stock and tags', async ({ shop }) => {
  await shop.goto('/product/24-MB02');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([
    ['ProductPage', { ProductPage: { productKey: '24-MB02', price: '45.00', isInStock: 1, tag_color: ['black', 'grey'], tag_material: ['leather'] } }],
  ]);
});

test('an out-of-stock product sends isInStock 0', async ({ shop }) => {
  await shop.goto('/product/24-UG06');
  const [[, p]] = await waitForEvents(shop, 1);
  expect(p).toMatchObject({ ProductPage: { productKey: '24-UG06', isInStock: 0 } });
});

test('search results → SearchRequest with isFound from the result count', async ({ shop }) => {
  await shop.goto('/search?q=backpack');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['SearchRequest', { SearchRequest: { search: 'backpack', isFound: 1 } }]]);
  await shop.goto('/search?q=zzz');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['SearchRequest', { SearchRequest: { search: 'zzz', isFound: 0 } }]]);
});

test('unknown path (404 page) → NotFound', async ({ shop }) => {
  const res = await shop.goto('/no-such-page');
  expect(res!.status()).toBe(404);
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['NotFound']]);
});

test('an HTTP 404 response with no markup at all → NotFound', async ({ shop }) => {
  await servePage(shop, '/gone-plain', `<!doctype html><h1>Gone</h1><script>window.yespoConfig={scriptId:"1"}</script>${TRACKER_TAG}`, 404);
  await shop.goto('/gone-plain');
  await waitForEvents(shop, 1);
  expect(await settled(shop)).toEqual([['NotFound']]);
});

test('a page with nothing to say sends nothing but the loader init', async ({ shop }) => {
  await servePage(shop, '/about', `<!doctype html><h1>About us</h1><script>window.yespoConfig={scriptId:"1"}</script>${TRACKER_TAG}`);
  await shop.goto('/about');
  await expect.poll(() => allCalls(shop)).toEqual([['init', { TRACKING: false, RECOMS: true }]]);
  expect(await settled(shop)).toEqual([]);
});

test('every event is also dispatched as a yespo:event CustomEvent', async ({ shop }) => {
  await shop.addInitScript(() => {
    const seen: unknown[] = ((window as unknown as { seen: unknown[] }).seen = []);
    window.addEventListener('yespo:event', (e) => seen.push((e as CustomEvent).detail));
  });
  await shop.goto('/category/bags');
  await waitForEvents(shop, 1);
  expect(await shop.evaluate(() => (window as unknown as { seen: unknown[] }).seen)).toEqual([
    { name: 'CategoryPage', payload: { CategoryPage: { categoryKey: 'bags' } } },
  ]);
  expect(await events(shop)).toHaveLength(1);
});
