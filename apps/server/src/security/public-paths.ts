/** Paths every caller may reach: the probes, and the login page with its stylesheet. */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/login', '/login.css']);

/** The path of a request URL, without its query. */
export const pathOf = (url: string): string => url.split('?')[0] ?? url;
