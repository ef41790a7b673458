import * as z from 'zod';
import { EXPECT, PLATFORMS, PRODUCT_KEY_FIELDS, defaults, invalidMsg, missingMsg, unknownMsg, type Checked } from '../config';
import { PAGE_TYPES } from '../lib/pageTypes';

const str = z.string().trim().min(1);
const bool = z.boolean();
const pattern = z.union([str, z.array(str)]);

const userSchema = z.object({
  externalCustomerId: str.optional(),
  email: str.optional(),
  phone: str.optional(),
  name: str.optional(),
  contactId: z.union([str, z.number()]).optional(),
});

/** `window.yespoConfig` as a shop writes it. Every key is optional; see README "Configuration". */
export const configSchema = z.object({
  scriptId: str.optional(),
  siteId: str.optional(),
  transport: z.enum(['es', 'rest', 'auto']).optional(),
  scriptUrl: str.optional(),
  restUrl: str.optional(),
  recoms: bool.optional(),
  pages: z.partialRecord(z.enum(PAGE_TYPES), pattern).optional(),
  productKey: z.array(z.enum(PRODUCT_KEY_FIELDS)).min(1).optional(),
  currency: str.optional(),
  consent: z.enum(['granted', 'pending']).optional(),
  impressions: z
    .object({
      threshold: z.number().min(0).max(1).optional(),
      minVisibleMs: z.number().min(0).optional(),
      flushMs: z.number().min(0).optional(),
      blockSelector: str.optional(),
      itemSelector: str.optional(),
      productAttr: str.optional(),
      containerAttr: str.optional(),
    })
    .optional(),
  search: z.object({ params: z.array(str).optional(), onlyNotFound: bool.optional() }).optional(),
  dataLayer: z.union([bool, str]).optional(),
  spa: bool.optional(),
  platforms: z.union([bool, z.partialRecord(z.enum(PLATFORMS), bool)]).optional(),
  categoryKey: z.enum(['url', 'breadcrumb']).optional(),
  user: userSchema.optional(),
  debug: bool.optional(),
});

export type YespoConfig = z.input<typeof configSchema>;

/** The configuration after defaults are applied: what the tracker runs with. */
export const resolvedConfigSchema = z.object({
  scriptId: z.string().optional(),
  siteId: z.string().optional(),
  transport: z.enum(['es', 'rest', 'auto']),
  scriptUrl: z.string(),
  restUrl: z.string(),
  recoms: z.boolean(),
  pages: z.partialRecord(z.enum(PAGE_TYPES), z.array(z.string())),
  productKey: z.array(z.enum(PRODUCT_KEY_FIELDS)),
  currency: z.string().optional(),
  consent: z.enum(['granted', 'pending']),
  impressions: z.object({
    threshold: z.number(),
    minVisibleMs: z.number(),
    flushMs: z.number(),
    blockSelector: z.string(),
    itemSelector: z.string(),
    productAttr: z.string(),
    containerAttr: z.string(),
  }),
  search: z.object({ params: z.array(z.string()), onlyNotFound: z.boolean() }),
  dataLayer: z.union([z.literal(false), z.string()]),
  spa: z.boolean(),
  /** false: no platform adapters; otherwise the ones switched off. */
  platforms: z.union([z.literal(false), z.array(z.enum(PLATFORMS))]),
  /** A category page's key: the last segment of its URL, or the name of its last breadcrumb. */
  categoryKey: z.enum(['url', 'breadcrumb']),
  user: z
    .object({
      externalCustomerId: z.string().optional(),
      email: z.string().optional(),
      phone: z.string().optional(),
      name: z.string().optional(),
      contactId: z.string().optional(),
    })
    .optional(),
  debug: z.boolean(),
});

export type ResolvedConfig = z.infer<typeof resolvedConfigSchema>;

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const shapeOf = (s: z.ZodType): Record<string, z.ZodType> | undefined => {
  const inner = s instanceof z.ZodOptional ? s.unwrap() : s;
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : undefined;
};

/**
 * The same check as the bundle's guards in src/config.ts, done with the zod schema: used by tests,
 * the demo and tools. Each key is parsed alone so one bad key never hides the others.
 */
export function checkConfigWithSchema(input: unknown): Checked {
  const errors: string[] = [];
  const warnings: string[] = [];
  const raw = isObj(input) ? input : {};
  const good: Record<string, unknown> = {};
  const shape = configSchema.shape as Record<string, z.ZodType>;
  for (const k of Object.keys(raw)) {
    if (!EXPECT[k]) warnings.push(`${unknownMsg(k)}`);
  }
  for (const k of Object.keys(shape)) {
    const v = raw[k];
    if (v === undefined) continue;
    const inner = shapeOf(shape[k]);
    if (inner && isObj(v)) {
      const out: Record<string, unknown> = {};
      for (const s of Object.keys(v)) {
        if (v[s] === undefined) continue;
        if (!inner[s]) warnings.push(unknownMsg(k + '.' + s));
        else if (inner[s].safeParse(v[s]).success) out[s] = v[s];
        else warnings.push(invalidMsg(k + '.' + s));
      }
      good[k] = out;
    } else if (k === 'pages' && isObj(v)) {
      const out: Record<string, unknown> = {};
      for (const t of Object.keys(v)) {
        if (v[t] === undefined) continue;
        if (!(PAGE_TYPES as readonly string[]).includes(t)) warnings.push(unknownMsg('pages.' + t));
        else if (pattern.safeParse(v[t]).success) out[t] = v[t];
        else warnings.push(invalidMsg('pages.' + t));
      }
      good[k] = out;
    } else if (shape[k].safeParse(v).success) good[k] = v;
    else if (k !== 'scriptId' && k !== 'siteId') warnings.push(invalidMsg(k));
    else good['bad_' + k] = true;
  }
  const parsed = configSchema.parse(good.bad_scriptId || good.bad_siteId ? { ...good, bad_scriptId: undefined, bad_siteId: undefined } : good);
  const d = defaults();
  const transport = parsed.transport || d.transport;
  if (transport !== 'rest' && !parsed.scriptId) errors.push(missingMsg('scriptId'));
  if (transport !== 'es' && !parsed.siteId) errors.push(missingMsg('siteId'));
  if (!parsed.scriptId && good.bad_scriptId && transport === 'rest') warnings.push(invalidMsg('scriptId'));
  if (!parsed.siteId && good.bad_siteId && transport === 'es') warnings.push(invalidMsg('siteId'));
  if (errors.length) return { errors, warnings };
  const pages = { ...d.pages };
  for (const [t, p] of Object.entries(parsed.pages || {})) if (p !== undefined) pages[t as keyof typeof pages] = typeof p === 'string' ? [p] : p;
  const user = parsed.user && Object.fromEntries(Object.entries(parsed.user).map(([f, v]) => [f, String(v).trim()]));
  const config = resolvedConfigSchema.parse({
    ...d,
    ...parsed,
    scriptUrl: parsed.scriptUrl || (parsed.scriptId ? 'https://cdn.esputnik.com/scripts/' + parsed.scriptId + '.js' : ''),
    pages,
    impressions: { ...d.impressions, ...parsed.impressions },
    search: { ...d.search, ...parsed.search },
    dataLayer: parsed.dataLayer === true || parsed.dataLayer === undefined ? d.dataLayer : parsed.dataLayer,
    platforms:
      parsed.platforms === false ? false : parsed.platforms && parsed.platforms !== true ? Object.keys(parsed.platforms).filter((k) => !(parsed.platforms as Record<string, boolean>)[k]) : [],
    user,
  });
  return { config, errors, warnings };
}
