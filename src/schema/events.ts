import * as z from 'zod';
import { flag, guid, key, num, withTags, describeIssues as describe } from './parts';

export const generalInfoSchema = z.strictObject({
  externalCustomerId: key.optional(),
  user_email: key.optional(),
  user_phone: key.optional(),
  user_es_contact_id: key.optional(),
  s_location: key.optional(),
});

const general = { GeneralInfo: generalInfoSchema.optional() };

const productBase = z.object({ productKey: key, price: num.optional(), isInStock: flag.optional() });
export const productSchema = withTags(productBase.shape);

const cartItemBase = z.object({
  productKey: key,
  // Required by Yespo; an item whose price the page does not give is still sent (debug mode says so).
  price: num.optional(),
  quantity: num,
  currency: key.optional(),
  discount: num.optional(),
});
export const cartItemSchema = withTags(cartItemBase.shape);

export const orderItemSchema = z.strictObject({ productKey: key, price: num.optional(), quantity: num, currency: key.optional() });

export const customerSchema = z
  .strictObject({
    externalCustomerId: key.optional(),
    user_email: key.optional(),
    user_name: key.optional(),
    user_phone: key.optional(),
    user_city: key.optional(),
  })
  .refine((c) => c.user_email || c.user_phone || c.externalCustomerId, 'an email, phone or externalCustomerId');

/** The third argument of `eS('sendEvent', NAME, payload)` for every event this bundle sends. */
export const eventSchemas = {
  PageView: z.strictObject({ PageView: z.strictObject({}), ...general }),
  ProductPage: z.strictObject({ ProductPage: productSchema, ...general }),
  CategoryPage: z.strictObject({ CategoryPage: z.strictObject({ categoryKey: key }), ...general }),
  MainPage: z.strictObject({ ...general }).optional(),
  NotFound: z.strictObject({ ...general }).optional(),
  StatusCartPage: z.strictObject({ ...general }).optional(),
  SearchRequest: z.strictObject({
    SearchRequest: z.strictObject({ search: z.string().min(1).max(256), isFound: flag.optional() }),
    ...general,
  }),
  StatusCart: z.strictObject({ StatusCart: z.array(cartItemSchema), GUID: guid, ...general }),
  PurchasedItems: z.strictObject({
    OrderNumber: key,
    PurchasedItems: z.array(orderItemSchema).min(1),
    GUID: guid.optional(),
    Tags: z.strictObject({ blockId: z.array(key).min(1) }).optional(),
    ...general,
  }),
  CustomerData: z.strictObject({ CustomerData: customerSchema, ...general }),
  AddToWishlist: z.strictObject({
    AddToWishlist: z.strictObject({ productKey: key, price: num.optional(), isInStock: flag.optional() }),
    ...general,
  }),
  ProductImpressions: z.strictObject({
    ProductImpression: z.array(z.strictObject({ product_id: key, container_type: key })).min(1),
    ...general,
  }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayloads = { [K in EventName]: z.infer<(typeof eventSchemas)[K]> };
export type GeneralInfo = z.infer<typeof generalInfoSchema>;
type Tags = { [k: `tag_${string}`]: string[] };
export type ProductPagePayload = z.infer<typeof productBase> & Tags;
export type CartItem = z.infer<typeof cartItemBase> & Tags;
export type OrderItem = z.infer<typeof orderItemSchema>;
export type CustomerDataPayload = z.infer<typeof customerSchema>;

export const initSchema = z.strictObject({ TRACKING: z.literal(false), RECOMS: z.boolean() });


/**
 * Problems with one `eS(...)` call's arguments; an empty list means Yespo gets what it expects.
 * Event names the bundle does not know (a shop's own `yespo.track`) only need an object payload.
 */
export function checkEsCall(args: unknown[]): string[] {
  const [method, name, payload] = args;
  if (method === 'init') {
    const r = initSchema.safeParse(name);
    return r.success ? [] : describe(r.error);
  }
  if (method !== 'sendEvent') return [`unknown method ${JSON.stringify(method)}`];
  if (typeof name !== 'string' || !name) return ['event name must be a non-empty string'];
  const schema = Object.prototype.hasOwnProperty.call(eventSchemas, name) ? (eventSchemas as Record<string, z.ZodType>)[name] : undefined;
  if (!schema) return payload === undefined || (payload && typeof payload === 'object') ? [] : ['payload must be an object'];
  if (args.length > 3) return ['too many arguments'];
  const r = schema.safeParse(payload);
  return r.success ? [] : describe(r.error);
}
