import { adapters, readDetected } from '../sources/platforms';
import type { CartOptions, PlatformContext } from '../types/platform';
import { startPlatformCarts, type CartHooks } from '../watch/platformCart';

/** The platform chunk's API: the detected platforms' page facts, and their carts and customers followed. */
export const platforms = {
  readDetected,
  followCarts: (c: PlatformContext, names: string[], o: CartOptions, h: CartHooks & { customer(raw: unknown, from: string): void }) => startPlatformCarts(c, adapters(names), o, h),
};
