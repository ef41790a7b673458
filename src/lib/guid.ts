import { customAlphabet } from 'nanoid';

const hex = customAlphabet('0123456789abcdef', 32);

/** A random 8-4-4-4-12 hex id, as the StatusCart GUID must look. */
export function guid(): string {
  const h = hex();
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}

export const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
