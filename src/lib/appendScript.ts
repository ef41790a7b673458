/**
 * Appends a script element (the eS loader, a chunk) to `<body>`, in a task of its own. The body, not
 * the head: an insertion into the head of a large page held Chromium's main thread 20–40 ms, one
 * into the body under 2 ms. A task later: appended in the task that had just run the tracker's own
 * code, the eS loader cost ~3 ms more main-thread script time on the bench's product page, and
 * each chunk ~0.5 ms, than the same insertion one task later. `failed` hears of an insertion the
 * page refused.
 */
export function appendScript(s: HTMLScriptElement, failed: () => void = () => {}) {
  setTimeout(() => {
    try {
      (document.body || document.documentElement).appendChild(s);
    } catch {
      failed();
    }
  }, 0);
}
