/** Written by the build (config/async-chunk-manifest.ts): the code and styles of every page but the first. */
const MANIFEST = '/prefetch.json';
/** Files fetched at once: enough to use an idle connection, few enough to leave room for the user's taps. */
const AT_ONCE = 2;

/**
 * H5 loads a page's code when the page first opens, so the home page downloads only what it shows. Once the
 * page has loaded and the browser is idle, the rest is fetched into the browser's HTTP cache (the build names
 * every file by its content, and they are served as immutable), without running it: a villager who loses the
 * connection on an activity page can still open the sign-up form, and on a good connection a tap opens its
 * page without waiting for code. Plain low-priority fetches: inserting dozens of <link rel=prefetch> cost
 * more main-thread time than the whole home page's render.
 */
export function prefetchPages(): void {
  const idle = (run: () => void) =>
    'requestIdleCallback' in window
      ? window.requestIdleCallback(run, { timeout: 5000 })
      : setTimeout(run, 1000);
  const low = { priority: 'low' } as RequestInit;
  const start = () =>
    idle(() => {
      fetch(MANIFEST, low)
        .then((res) => (res.ok ? (res.json() as Promise<string[]>) : []))
        .then((queue) => {
          const next = (): Promise<void> => {
            const file = queue.shift();
            if (!file) return Promise.resolve();
            return fetch(`/${file}`, low)
              .then((res) => res.arrayBuffer())
              .then(next, next);
          };
          for (let i = 0; i < AT_ONCE; i++) void next();
        })
        // Offline already: the pages load when they open, as without prefetching.
        .catch(() => undefined);
    });
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
