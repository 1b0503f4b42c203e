/** H5: the app's own address up to its hash router, so a phone's camera opens the join page in the browser. */
export const linkBase = (): string => `${window.location.origin}${window.location.pathname}#`;
