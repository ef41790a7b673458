import { test, expect, events, settled, waitForEvents } from './support';

/**
 * The same flows on both files: the demo shop runs its attribute pages with the core file where
 * the `demo-file=core` cookie says so (`?file=core`); the core file reads wishlist buttons,
 * customer forms and identities with its visitor chunk.
 */
for (const file of ['shop', 'core'] as const) {
  test.describe(file === 'core' ? 'core file' : 'shop bundle', () => {
    let scripts: string[] = [];
    test.beforeEach(async ({ shop, baseURL }) => {
      await shop.context().addCookies([{ name: 'demo-file', value: file, url: baseURL! }]);
      scripts = [];
      shop.on('request', (r) => r.resourceType() === 'script' && r.url().includes('/yespo-autotrack') && scripts.push(new URL(r.url()).pathname));
    });
    // The file asked for is the one that ran; the core file read these flows with its visitor chunk.
    test.afterEach(() => {
      expect(scripts[0]).toBe(file === 'core' ? '/yespo-autotrack.core.min.js' : '/yespo-autotrack.min.js');
      expect(scripts.includes('/yespo-autotrack.core.visitor.js')).toBe(file === 'core');
    });

    test('wishlist on a category tile → AddToWishlist for that product', async ({ shop }) => {
      await shop.goto('/category/bags');
      await waitForEvents(shop, 1);
      await shop.locator('[data-yespo-wishlist="24-WB04"]').click();
      await waitForEvents(shop, 2);
      expect((await settled(shop))[1]).toEqual(['AddToWishlist', { AddToWishlist: { productKey: '24-WB04' } }]);
    });

    test('wishlist inside the product block → the page product with price and stock', async ({ shop }) => {
      await shop.goto('/product/24-UG06');
      await waitForEvents(shop, 1);
      await shop.locator('.product [data-yespo-wishlist]').click();
      await shop.locator('.product [data-yespo-wishlist]').click();
      await waitForEvents(shop, 3);
      const list = await settled(shop);
      expect(list.slice(1)).toEqual([
        ['AddToWishlist', { AddToWishlist: { productKey: '24-UG06', price: '32.00', isInStock: 0 } }],
        ['AddToWishlist', { AddToWishlist: { productKey: '24-UG06', price: '32.00', isInStock: 0 } }],
      ]);
    });

    test('sign-in form → CustomerData once; later pages carry GeneralInfo and do not resend it', async ({ shop }) => {
      await shop.goto('/account');
      await shop.fill('#account-form input[type=email]', 'Reg@Shop.io');
      await shop.fill('#account-form input[type=tel]', '+48 600-100-200');
      await shop.fill('#account-form input[autocomplete=name]', 'Reg User');
      await shop.fill('#account-form [data-yespo-field=externalCustomerId]', 'ext-9');
      await shop.locator('#account-form button').click();
      await waitForEvents(shop, 1);
      const gi = { externalCustomerId: 'ext-9', user_email: 'reg@shop.io', user_phone: '+48600100200' };
      expect(await settled(shop)).toEqual([
        ['CustomerData', { CustomerData: { externalCustomerId: 'ext-9', user_email: 'reg@shop.io', user_name: 'Reg User', user_phone: '+48600100200' }, GeneralInfo: gi }],
      ]);

      await shop.goto('/category/bags');
      await waitForEvents(shop, 1);
      expect(await settled(shop)).toEqual([['CategoryPage', { CategoryPage: { categoryKey: 'bags' }, GeneralInfo: gi }]]);
    });

    test('a signed-in visitor in the page markup is identified without a form', async ({ shop }) => {
      await shop.goto('/');
      await shop.evaluate(() => localStorage.setItem('demo-user', JSON.stringify({ email: 'Known@Shop.io', name: 'Known' })));
      await shop.goto('/search?q=tote');
      await waitForEvents(shop, 2);
      const gi = { user_email: 'known@shop.io' };
      expect(await settled(shop)).toEqual([
        ['CustomerData', { CustomerData: { user_email: 'known@shop.io', user_name: 'Known' }, GeneralInfo: gi }],
        ['SearchRequest', { SearchRequest: { search: 'tote', isFound: 1 }, GeneralInfo: gi }],
      ]);
      await shop.goto('/');
      await waitForEvents(shop, 1);
      expect((await events(shop)).map((e) => e[0])).toEqual(['MainPage']);
    });
  });
}
