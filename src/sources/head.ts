/**
 * `<meta>` and `<link>` lookups through the tag-name lists: a `querySelector` for a tag that is
 * missing walks the whole document, which on a 60,000-element page costs milliseconds a call.
 */
export function meta(doc: Document, name: string): string | null {
  const list = doc.getElementsByTagName('meta');
  for (let i = 0; i < list.length; i++)
    if (list[i].getAttribute('property') === name || list[i].getAttribute('name') === name) return list[i].getAttribute('content');
  return null;
}

/** The canonical link's href, as written. */
export function canonical(doc: Document): string | null {
  const list = doc.getElementsByTagName('link');
  for (let i = 0; i < list.length; i++) if (/(^|\s)canonical(\s|$)/i.test(list[i].getAttribute('rel') || '')) return list[i].getAttribute('href');
  return null;
}
