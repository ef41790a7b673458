import { own } from '../lib/obj';

type Obj = Record<string, unknown>;

export interface RestContext {
  siteId: string;
  sc: string;
  now: number;
  /** The visitor's name: REST's GeneralInfo carries it, eS's does not. */
  name?: string;
}

/** GeneralInfo fields the enriched payload (lib/identity.ts withGeneralInfo) may carry over to REST. */
const CARRIED = ['externalCustomerId', 'user_email', 'user_phone', 'user_es_contact_id', 's_location'];

/** Events the REST tracker API defines; the others (MainPage, NotFound, PageView, StatusCartPage) have no REST form. */
export const REST_EVENTS = ['ProductPage', 'StatusCart', 'PurchasedItems', 'CustomerData', 'CategoryPage', 'AddToWishlist', 'SearchRequest', 'ProductImpressions'];


/** `tag_*` keys of the item itself: a page's enumerable `Object.prototype` key is no tag. */
const tagsOf = (o: Obj, into: Obj) => {
  for (const k in o) if (k.indexOf('tag_') === 0 && own(o, k)) into[k] = o[k];
  return into;
};

/** eS-style product → the REST `Product` (isInStock as the string "1"/"0", as the REST document shows). */
function product(p: Obj): Obj {
  const out: Obj = { productKey: p.productKey };
  if (p.price !== undefined) out.price = p.price;
  if (p.isInStock !== undefined) out.isInStock = String(p.isInStock);
  return tagsOf(p, out);
}

const int = (q: unknown) => {
  const n = Math.round(+String(q));
  return n > 0 ? n : 1;
};

/** A StatusCart line as REST shapes it: whole quantities, the currency as `price_currency_code`. */
function cartLine(i: Obj): Obj {
  const o: Obj = { productKey: i.productKey };
  if (i.price !== undefined) o.price = i.price;
  if (i.discount !== undefined) o.discount = i.discount;
  o.quantity = int(i.quantity);
  if (i.currency) o.price_currency_code = i.currency;
  return tagsOf(i, o);
}

/** PurchasedItems as REST shapes it: `product_id`, `unit_price`, whole quantities; no GUID (the REST document has none). */
function purchase(p: Obj): Obj {
  const b: Obj = {
    Products: (p.PurchasedItems as Obj[]).map((i) => {
      const o: Obj = { product_id: i.productKey };
      if (i.price !== undefined) o.unit_price = i.price;
      o.quantity = int(i.quantity);
      return o;
    }),
    OrderNumber: p.OrderNumber,
  };
  if (p.Tags) b.Tags = p.Tags;
  return b;
}

/**
 * The REST body for one event, from the same enriched payload the eS transport sends:
 * `GeneralInfo` (event name, site, time, `sc` cookie, and the visitor the payload's GeneralInfo
 * names) plus the event's own body as the REST document shapes it. Undefined for events REST does
 * not define.
 */
export function restBody(name: string, payload: Obj | undefined, c: RestContext): Obj | undefined {
  const p = payload || {};
  const gi: Obj = { eventName: name, siteId: c.siteId, datetime: c.now, cookies: { sc: c.sc } };
  const from = (p.GeneralInfo || {}) as Obj;
  for (const k of CARRIED) if (from[k]) gi[k] = from[k];
  if (c.name) gi.user_name = c.name;
  const body: Obj = { GeneralInfo: gi };
  switch (name) {
    case 'ProductPage':
      body.ProductPage = { Product: product(p.ProductPage as Obj) };
      break;
    case 'AddToWishlist':
      body.AddToWishlist = { Product: product(p.AddToWishlist as Obj) };
      break;
    case 'CategoryPage':
      body.CategoryPage = { Category: { categoryKey: (p.CategoryPage as Obj).categoryKey } };
      break;
    case 'SearchRequest':
      body.SearchRequest = p.SearchRequest;
      break;
    case 'StatusCart':
      body.StatusCart = { GUID: p.GUID, Products: (p.StatusCart as Obj[]).map(cartLine) };
      break;
    case 'PurchasedItems':
      body.PurchasedItems = purchase(p);
      break;
    case 'ProductImpressions':
      body.ProductImpression = { Products: p.ProductImpression };
      break;
    case 'CustomerData': {
      // REST carries the visitor in GeneralInfo alone; CustomerData's own fields fill it in.
      const cd = p.CustomerData as Obj;
      for (const k of ['externalCustomerId', 'user_email', 'user_phone', 'user_name']) if (cd[k]) gi[k] = cd[k];
      break;
    }
    default:
      return undefined;
  }
  return body;
}
