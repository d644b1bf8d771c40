/** The login page's stylesheet: served from `/login.css`, since the CSP allows no inline style. */
export const LOGIN_CSS = `body{font:16px system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;margin:0;color:#1f2937}
form{display:grid;gap:.75rem;width:min(22rem,90vw)}h1{font-size:1.4rem;margin:0}
input{font:inherit;padding:.5rem;border:1px solid #9ca3af;border-radius:4px}
button{font:inherit;padding:.5rem;border:0;border-radius:4px;background:#1d4ed8;color:#fff;cursor:pointer}
p[role=alert]{color:#b91c1c;margin:0}`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The login form: no script, posts the access token to `/login`, then returns to `next`. */
export function loginPage(options: { next: string; error?: string }): string {
  const error = options.error ? `<p role="alert">${escapeHtml(options.error)}</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>netmap: sign in</title><link rel="stylesheet" href="/login.css"></head>
<body><form method="post" action="/login">
<h1>netmap</h1>
<label for="token">Access token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<input type="hidden" name="next" value="${escapeHtml(options.next)}">
${error}<button type="submit">Sign in</button>
</form></body></html>
`;
}

/** Where to go after signing in: a path on this server only, never another origin. */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\\\s]*$/.test(value) && value.length <= 2048
    ? value
    : '/';
}
