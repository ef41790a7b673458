export interface Variant {
  id: string;
  entry: string;
  out: string;
  flags: { DEBUG: boolean; ZERO: boolean; REST: boolean; CHUNKS: boolean };
  min: boolean | 'no-mangle';
  /** The id of the file that loads this chunk. */
  chunk?: string;
  /** Compile every function while the file streams in (Chromium's explicit compile hint). */
  eager?: boolean;
  /** Bytes first: terser inlines functions called once (build.mjs). */
  tight?: boolean;
  budget?: number;
}
export const VARIANTS: readonly Variant[];
export const TEST_FLAGS: Variant['flags'];
export function define(flags: Variant['flags'], version: string): Record<string, string>;
export const INTERNAL_PROPS: readonly string[];
export const MANGLED: RegExp;
