import * as z from 'zod';
import { describeIssues, guid, key, num, withTags } from './parts';

/** `GeneralInfo` of every REST body, as the REST tracker document shows it. */
export const restGeneralInfoSchema = z.strictObject({
  eventName: z.string().min(1),
  siteId: key,
  datetime: z.number().int().positive(),
  cookies: z.strictObject({ sc: key }),
  externalCustomerId: key.optional(),
  user_email: key.optional(),
  user_phone: key.optional(),
  user_name: key.optional(),
  user_es_contact_id: key.optional(),
  s_location: key.optional(),
});

const restProduct = withTags({ productKey: key, price: num.optional(), isInStock: z.enum(['0', '1']).optional() });
const gi = (name: string) => restGeneralInfoSchema.extend({ eventName: z.literal(name) });

/** Every body the REST transport POSTs, by event name. */
export const restSchemas = {
  ProductPage: z.strictObject({ GeneralInfo: gi('ProductPage'), ProductPage: z.strictObject({ Product: restProduct }) }),
  AddToWishlist: z.strictObject({ GeneralInfo: gi('AddToWishlist'), AddToWishlist: z.strictObject({ Product: restProduct }) }),
  CategoryPage: z.strictObject({ GeneralInfo: gi('CategoryPage'), CategoryPage: z.strictObject({ Category: z.strictObject({ categoryKey: key }) }) }),
  SearchRequest: z.strictObject({
    GeneralInfo: gi('SearchRequest'),
    SearchRequest: z.strictObject({ search: key, isFound: z.union([z.literal(0), z.literal(1)]).optional() }),
  }),
  StatusCart: z.strictObject({
    GeneralInfo: gi('StatusCart'),
    StatusCart: z.strictObject({
      GUID: guid,
      Products: z.array(
        withTags({ productKey: key, price: num.optional(), discount: num.optional(), quantity: z.number().int().positive(), price_currency_code: key.optional() }),
      ),
    }),
  }),
  PurchasedItems: z.strictObject({
    GeneralInfo: gi('PurchasedItems'),
    PurchasedItems: z.strictObject({
      Products: z.array(z.strictObject({ product_id: key, unit_price: num.optional(), quantity: z.number().int().positive() })).min(1),
      OrderNumber: key,
      Tags: z.strictObject({ blockId: z.array(key).min(1) }).optional(),
    }),
  }),
  ProductImpressions: z.strictObject({
    GeneralInfo: gi('ProductImpressions'),
    ProductImpression: z.strictObject({ Products: z.array(z.strictObject({ product_id: key, container_type: key })).min(1) }),
  }),
  CustomerData: z.strictObject({
    GeneralInfo: gi('CustomerData').refine((g) => g.user_email || g.user_phone || g.externalCustomerId, 'an email, phone or externalCustomerId'),
  }),
} as const;

/** Problems with one REST body; empty when the tracker API gets what its document describes. */
export function checkRestBody(body: unknown): string[] {
  const name = body && typeof body === 'object' && (body as { GeneralInfo?: { eventName?: unknown } }).GeneralInfo?.eventName;
  const schema = typeof name === 'string' && Object.prototype.hasOwnProperty.call(restSchemas, name) ? (restSchemas as Record<string, z.ZodType>)[name] : undefined;
  if (!schema) return [`unknown or missing GeneralInfo.eventName ${JSON.stringify(name)}`];
  const r = schema.safeParse(body);
  return r.success ? [] : describeIssues(r.error);
}
