import type { ResolvedConfig } from '../config/types';
import type { Consent } from '../consent';
import type { Reader } from '../reader';
import type { Inspection } from '../types/model';
import type { View } from '../view';

/** `yespo.inspect()` in the debug build: what this page view read, decided, sent and found wrong. */
export function inspection(cfg: ResolvedConfig, reader: Reader, view: View, consent: Consent): Inspection {
  // The core build's debug file has no dataLayer, no platforms.
  const pc = __ZERO__ ? reader.platformCart() : undefined;
  return {
    version: __VERSION__,
    config: cfg,
    page: reader.model(),
    problems: view.problems(),
    events: view.sent().slice(),
    consent: consent.state(),
    google: __ZERO__ ? consent.google() : undefined,
    cart: pc && { items: pc.cart!, from: pc.source },
  };
}
