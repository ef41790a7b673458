/** The Trusted Types policy name a strict shop allows in its CSP (`trusted-types yespo-autotrack`). */
export const POLICY = 'yespo-autotrack';

type Policy = { createScriptURL(url: string): string };

/** The policy (null: the page's CSP refused it), and the one URL it passes right now. */
let policy: Policy | null | undefined;
let wanted: string | undefined;

/**
 * `url` as a page with `require-trusted-types-for 'script'` lets a script's `src` take it: a
 * TrustedScriptURL (typed as the string it stands for) from the tracker's one policy, which never
 * leaves this module and passes only the URL the tracker is inserting at that moment (the eS
 * loader, the debug build beside the bundle). Without Trusted Types, or when the CSP refused the
 * policy, the URL as it is: a default policy of the page's may still take it, and if nothing does,
 * the assignment throws and the caller hears of it.
 */
export function trustedScriptUrl(url: string): string {
  const tt = (window as unknown as { trustedTypes?: { createPolicy(n: string, r: Policy): Policy } }).trustedTypes;
  if (!tt) return url;
  try {
    if (policy === undefined) policy = tt.createPolicy(POLICY, { createScriptURL: (u) => (u === wanted ? u : '') });
  } catch {
    policy = null;
  }
  wanted = url;
  const t = policy ? policy.createScriptURL(url) : url;
  wanted = undefined;
  return t;
}
