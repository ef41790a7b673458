/** A random 8-4-4-4-12 hex id, as the StatusCart GUID must look (crypto-random, like a v4 UUID's digits). */
export function guid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  let h = '';
  // Two hex digits a byte; a dash after bytes 3, 5, 7 and 9.
  for (let i = 0; i < 16; i++) h += (256 + b[i]).toString(16).slice(1) + (i > 2 && i < 10 && i % 2 ? '-' : '');
  return h;
}

export const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
