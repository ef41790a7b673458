import type { ResolvedConfig } from '../config/types';
import type { Consent } from '../consent';
import type { Reader } from '../reader';
import type { Inspection } from '../types/model';
import type { View } from '../view';

/** `yespo.inspect()` in the debug build: what this page view read, decided, sent and found wrong. */
export function inspection(cfg: ResolvedConfig, reader: Reader, view: View, consent: Consent): Inspection {
  const pc = reader.platformCart();
  return {
    version: __VERSION__,
    config: cfg,
    page: reader.model(),
    problems: view.problems(),
    events: view.sent().slice(),
    consent: consent.state(),
    google: consent.google(),
    cart: pc && { items: pc.cart!, from: pc.source },
  };
}
