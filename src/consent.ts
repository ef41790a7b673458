import type { Log } from './lib/log';
import type { ConsentState } from './types/model';

export interface ConsentHooks {
  /** Storage writes held (true) or released (false). */
  hold(on: boolean): void;
  /** Granted: start the transport and send what was kept. */
  grant(): void;
  /** Denied: drop what was kept. */
  deny(): void;
}

/**
 * The consent state machine: `consent: 'pending'` holds everything until `yespo.consent('granted')`;
 * 'denied' drops what was held and sends nothing more. Google Consent Mode's `analytics_storage`
 * (from the dataLayer) is followed too: granted grants; denied at start holds everything as
 * 'pending' does (the visitor may still accept on this page); denied later is a denial.
 */
export function createConsent(initial: ConsentState, h: ConsentHooks) {
  let state = initial;
  let google: string | undefined;
  h.hold(state !== 'granted');
  const grant = () => {
    state = 'granted';
    h.hold(false);
    h.grant();
  };
  const deny = () => {
    state = 'denied';
    h.deny();
    h.hold(true);
  };
  /** Google Consent Mode, read from the dataLayer: the full build's (the core build reads no dataLayer). */
  const mode = {
    google: () => google,
    /** Google Consent Mode's analytics_storage as the dataLayer says it now; `atStart` before start(). */
    followGoogle(s: 'granted' | 'denied' | undefined, atStart: boolean, log: Log) {
      if (!s || s === google) return;
      __DEBUG__ && log.debug('Google Consent Mode: analytics_storage ' + s);
      google = s;
      if (s === 'granted') {
        if (atStart) state = 'granted';
        else if (state !== 'granted') grant();
      } else if (!atStart) deny();
      else if (state === 'granted') {
        state = 'pending';
        h.hold(true);
      }
    },
  };
  return {
    state: () => state,
    /** The tracker starts: granted from the config (or Google's default) opens the transport. */
    start() {
      if (state === 'granted') grant();
    },
    /** `yespo.consent(…)`: false when the value is neither 'granted' nor 'denied'. */
    set(s: unknown): boolean {
      if (s === 'granted') state !== 'granted' && grant();
      else if (s === 'denied') deny();
      return s === 'granted' || s === 'denied';
    },
    ...(__ZERO__ ? mode : ({} as typeof mode)),
  };
}

export type Consent = ReturnType<typeof createConsent>;
