/**
 * Tags of the document's `<head>`, looked up there only: they belong there, and a lookup of a
 * missing tag in a large body walks every element (milliseconds on a 60,000-element page), while
 * the head holds a few dozen.
 */
const head = (doc: Document, sel: string, attr: string): string | null => {
  const el = (doc.head || doc).querySelector(sel);
  return el && el.getAttribute(attr);
};

/** The first `<meta property=NAME>` or `<meta name=NAME>` with content. */
export const meta = (doc: Document, name: string): string | null => head(doc, `meta[property="${name}"][content],meta[name="${name}"][content]`, 'content');

/** The canonical link's href, as written. */
export const canonical = (doc: Document): string | null => head(doc, 'link[rel~=canonical i][href]', 'href');
