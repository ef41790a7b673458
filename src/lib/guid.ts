/** A random 8-4-4-4-12 hex id, as the StatusCart GUID must look (crypto-random, like a v4 UUID's digits). */
export function guid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  let h = '';
  for (let i = 0; i < 16; i++) h += (b[i] < 16 ? '0' : '') + b[i].toString(16) + (i === 3 || i === 5 || i === 7 || i === 9 ? '-' : '');
  return h;
}

export const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
