/** Written by the build (config/async-chunk-manifest.ts): the code and styles of every page but the first. */
const MANIFEST = '/prefetch.json';

/**
 * H5 loads a page's code when the page first opens, so the home page downloads only what it shows. Once the
 * page has loaded and the browser is idle, the rest is fetched into the browser's cache at the lowest
 * priority, without running it: a villager who loses the connection on an activity page can still open the
 * sign-up form, and on a good connection a tap opens its page without waiting for code.
 */
export function prefetchPages(): void {
  const idle = (run: () => void) =>
    'requestIdleCallback' in window
      ? window.requestIdleCallback(run, { timeout: 5000 })
      : setTimeout(run, 1000);
  const start = () =>
    idle(() => {
      fetch(MANIFEST)
        .then((res) => (res.ok ? (res.json() as Promise<string[]>) : []))
        .then((files) => {
          for (const file of files) {
            const link = document.createElement('link');
            link.rel = 'prefetch';
            link.href = `/${file}`;
            if (file.endsWith('.css')) link.as = 'style';
            else link.as = 'script';
            document.head.appendChild(link);
          }
        })
        // Offline already: the pages load when they open, as without prefetching.
        .catch(() => undefined);
    });
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
