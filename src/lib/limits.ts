/** Most cart or order lines read from one source; the rest are left out with a debug line. */
export const MAX_ITEMS = 200;
