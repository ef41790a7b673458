import { describe, expect, it } from 'vitest';
import { customerBody, purchaseBody } from '../../src/pixel/restBody';
import { purchaseOf } from '../../src/pixel/checkout';
import { checkRestBody } from '../../src/schema/rest';
import { checkout } from './fixtures/checkout';

const SC = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3';
const visit = { siteId: '8A412DC', sc: SC, now: 1579622183208, identity: { email: 'ann@example.com', phone: '+4930123', name: 'Ann Lee' } };
const GI = { siteId: '8A412DC', datetime: 1579622183208, cookies: { sc: SC }, user_email: 'ann@example.com', user_phone: '+4930123', user_name: 'Ann Lee' };

describe('the pixel\'s REST bodies, as the REST tracker document shapes them', () => {
  it('PurchasedItems: product_id, unit_price, quantity as a number; no GUID or currency (the document has none)', () => {
    const body = purchaseBody(purchaseOf(checkout(), ['sku', 'productID', 'id', 'url'], [])!, visit);
    expect(body).toEqual({
      GeneralInfo: { eventName: 'PurchasedItems', ...GI },
      PurchasedItems: {
        Products: [
          { product_id: 'TEE-M-BLUE', unit_price: '22.50', quantity: 2 },
          { product_id: '7120000001', unit_price: '12.50', quantity: 1 },
        ],
        OrderNumber: '5210499102',
      },
    });
    expect(checkRestBody(body)).toEqual([]);
  });

  it('a line without a price has no unit_price', () => {
    const body = purchaseBody({ OrderNumber: '1', PurchasedItems: [{ productKey: 'K', quantity: '3' }] }, { ...visit, identity: {} });
    expect(body.PurchasedItems).toEqual({ Products: [{ product_id: 'K', quantity: 3 }], OrderNumber: '1' });
    expect(checkRestBody(body)).toEqual([]);
  });

  it('CustomerData: the buyer in GeneralInfo alone', () => {
    const body = customerBody(visit);
    expect(body).toEqual({ GeneralInfo: { eventName: 'CustomerData', ...GI } });
    expect(checkRestBody(body)).toEqual([]);
  });
});
