import * as z from 'zod';
import { GUID_RE } from '../lib/guid';

/** Prices and quantities travel as plain decimal strings: "153", "1249.00". */
export const num = z.string().regex(/^\d+(\.\d+)?$/, 'a decimal number as a string');
/** Keys and values: non-empty, at most 256 characters (longer page data is never sent). */
export const key = z.string().min(1).max(256);
export const flag = z.union([z.literal(0), z.literal(1)]);
export const guid = z.string().regex(GUID_RE, 'an 8-4-4-4-12 hex GUID');
const tagList = z.array(key);

/** An object with `tag_NAME: ["a","b"]` fields beside the known ones, and nothing else. */
export const withTags = <T extends z.ZodRawShape>(shape: T) =>
  z.object(shape).catchall(tagList).superRefine((o, ctx) => {
    for (const k of Object.keys(o))
      if (!(k in shape) && !/^tag_[a-z0-9_]+$/i.test(k)) ctx.addIssue({ code: 'custom', message: `unexpected field "${k}"` });
  });

/** Readable problems of a failed parse: "path: message". */
export const describeIssues = (e: z.ZodError) => e.issues.map((i) => (i.path.length ? i.path.join('.') + ': ' : '') + i.message);
