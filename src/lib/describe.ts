/** `<div data-yespo-product="24-MB02">` style name of an element, for debug messages. */
export function describe(el: Element | null | undefined): string {
  if (!el || !el.tagName) return 'the page';
  let s = '<' + el.tagName.toLowerCase();
  const id = el.getAttribute('id');
  if (id) s += ' id="' + id.slice(0, 40) + '"';
  for (let i = 0; i < el.attributes.length && i < 12; i++) {
    const a = el.attributes[i];
    if (a.name.indexOf('data-yespo-') === 0) s += ' ' + a.name + (a.value ? '="' + a.value.slice(0, 40) + '"' : '');
  }
  return s + '>';
}
