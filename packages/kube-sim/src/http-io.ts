import type { IncomingMessage, ServerResponse } from 'node:http';
import { KubeError, type Status } from './status.ts';

/** Reads a request body (bounded to 10 MiB like a generous API server). */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 10 * 1024 * 1024) throw new KubeError('BadRequest', 'the request body is too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** 415 Unsupported Media Type unless the body is JSON (kubectl then retries in JSON, not protobuf). */
export function requireJsonBody(request: IncomingMessage): void {
  const type = (request.headers['content-type'] ?? 'application/json').split(';')[0]?.trim() ?? '';
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new KubeError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json`);
  }
}

/** Parses a JSON body; 400 BadRequest when it is not JSON. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new KubeError('BadRequest', `the request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Sends a JSON body with a status code. */
export function sendJson(response: ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
    ...headers,
  });
  response.end(text);
}

/** Sends a Status body with its own code. */
export function sendStatus(response: ServerResponse, status: Status, headers: Record<string, string> = {}): void {
  sendJson(response, status.code, status, headers);
}
