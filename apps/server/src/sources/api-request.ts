import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/** A failed API request: the HTTP status (0 when the server was not reached) and the Status message. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
    /** From `Retry-After` on 429 and 503. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TIMEOUT_MS = 60_000;

/** The message of a Kubernetes Status body, or the HTTP reason. */
function statusMessage(body: string, statusCode: number): string {
  try {
    const status = JSON.parse(body) as { message?: unknown };
    if (typeof status.message === 'string') return status.message;
  } catch {
    // not a Status: fall back to the code
  }
  return `HTTP ${statusCode}`;
}

function retryAfter(header: string | string[] | undefined): number | undefined {
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/**
 * GETs a JSON document from the API server with the kubeconfig's credentials (tokens, client
 * certificates, exec plugins and CA through client-node). Plain JSON, untouched: timestamps stay
 * strings, as in watch events.
 */
export async function getJson(config: KubeConfig, path: string): Promise<unknown> {
  const server = config.getCurrentCluster()?.server;
  if (!server) throw new ApiError('the kubeconfig names no cluster server', 0);
  const url = new URL(server.replace(/\/+$/, '') + path);
  const options: RequestOptions = {
    method: 'GET',
    headers: { Accept: 'application/json' },
    timeout: TIMEOUT_MS,
  };
  await config.applyToHTTPSOptions(options);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => reject(new ApiError(error.message, 0)));
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const code = response.statusCode ?? 0;
        if (code >= 200 && code < 300) {
          try {
            resolve(JSON.parse(body));
          } catch {
            reject(new ApiError(`GET ${url.pathname}: the answer is not JSON`, code));
          }
          return;
        }
        reject(new ApiError(statusMessage(body, code), code, retryAfter(response.headers['retry-after'])));
      });
    });
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`GET ${url.pathname}: no answer in ${TIMEOUT_MS / 1000} s`)),
    );
    outgoing.on('error', (error) =>
      reject(error instanceof ApiError ? error : new ApiError(error.message, 0)),
    );
    outgoing.end();
  });
}
