interface HeadIndex {
  meta: Record<string, string | null>;
  canonical: string | null;
}

const cache = new WeakMap<Document, HeadIndex>();

/**
 * Every `<meta>` and `<link rel=canonical>` of the document, collected in one walk and kept until
 * the next reader starts (`freshHead`) or the current task ends: a reader asks for several tags,
 * and each lookup of a missing tag would walk the whole document (milliseconds on a 60,000-element page).
 */
function index(doc: Document): HeadIndex {
  let c = cache.get(doc);
  if (c) return c;
  const idx: HeadIndex = { meta: Object.create(null), canonical: null };
  // The head only: its tags belong there, and a walk of a large body costs milliseconds.
  const els = (doc.head || doc).querySelectorAll('meta[content],link[rel][href]');
  for (let i = 0; i < els.length; i++) {
    const el = els[i];
    if (el.tagName === 'LINK') {
      if (idx.canonical === null && /(^|\s)canonical(\s|$)/i.test(el.getAttribute('rel') || '')) idx.canonical = el.getAttribute('href');
      continue;
    }
    for (const k of [el.getAttribute('property'), el.getAttribute('name')]) if (k && !(k in idx.meta)) idx.meta[k] = el.getAttribute('content');
  }
  cache.set(doc, idx);
  Promise.resolve().then(() => cache.delete(doc));
  return idx;
}

export const meta = (doc: Document, name: string): string | null => {
  const v = index(doc).meta[name];
  return v === undefined ? null : v;
};

/** The canonical link's href, as written. */
export const canonical = (doc: Document): string | null => index(doc).canonical;

/** A reader starts: the page may have changed since the last one read it. */
export const freshHead = (doc: Document) => {
  cache.delete(doc);
};
