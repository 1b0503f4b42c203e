/**
 * WeChat downloads subpackages itself, ahead of use as app.config's preloadRule says; only the H5 build
 * prefetches page code (prefetch-pages.h5.ts).
 */
export function prefetchPages(): void {}
