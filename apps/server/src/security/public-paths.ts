/** Paths every caller may reach: the probes, the login page with its stylesheet, and the icon browsers ask for. */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set([
  '/healthz',
  '/readyz',
  '/login',
  '/login.css',
  '/favicon.ico',
]);

/** The path of a request URL, without its query. */
export const pathOf = (url: string): string => url.split('?')[0] ?? url;
