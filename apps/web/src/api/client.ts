/** A failed call to netmap's JSON API: the HTTP status (0 when the server could not be reached) and why. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/** Query parameters; undefined ones are left out. */
export type QueryParams = Record<string, string | number | boolean | undefined>;

/**
 * GETs `path` from netmap's JSON API and parses the answer. Throws an {@link ApiError} carrying the
 * server's `{error}` message on a non-2xx answer, or a plain-language one when there is no such message.
 */
export async function fetchJson<T>(
  path: string,
  params?: QueryParams,
  init?: { signal?: AbortSignal },
): Promise<T> {
  const url = withQuery(path, params);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: init?.signal });
  } catch (error) {
    // A cancelled query is not a failure: let react-query see the abort as it is.
    if (init?.signal?.aborted) throw error;
    throw new ApiError(0, `netmap's server cannot be reached (${describe(error)})`, path);
  }
  return readAnswer<T>(response, path);
}

/**
 * POSTs `body` as JSON to netmap's JSON API and parses the answer; fails as {@link fetchJson} does,
 * with the server's `{error}` message (e.g. a 400 naming the bad line of a draft).
 */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, `netmap's server cannot be reached (${describe(error)})`, path);
  }
  return readAnswer<T>(response, path);
}

async function readAnswer<T>(response: Response, path: string): Promise<T> {
  const body = await readJson(response);
  if (!response.ok) {
    throw new ApiError(response.status, serverMessage(body) ?? describeStatus(response), path);
  }
  if (body === NOT_JSON) throw new ApiError(response.status, `the answer to ${path} is not JSON`, path);
  return body as T;
}

function withQuery(path: string, params: QueryParams | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value !== undefined) search.append(name, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

const NOT_JSON = Symbol('not JSON');

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return NOT_JSON;
  }
}

function serverMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  return typeof body.error === 'string' && body.error !== '' ? body.error : undefined;
}

function describeStatus(response: Response): string {
  const text = response.statusText ? ` ${response.statusText}` : '';
  return `the server answered ${response.status}${text}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
