import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '@netmap/model';
import { decodeContinue } from './list-query.ts';
import type { ObjectStore, UpdatePart } from './object-store.ts';
import { applyPatch } from './patch.ts';
import { apiVersionOf, type ResourceType } from './resources.ts';
import { parseJsonBody, readBody, requireJsonBody, sendJson } from './http-io.ts';
import { KubeError } from './status.ts';

/** A request for a resource, once its path is parsed and access is granted. */
export interface ResourceRequest {
  type: ResourceType;
  namespace: string;
  name?: string;
  subresource?: string;
  query: URLSearchParams;
}

const CONTINUE_EXPIRED =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.';

/** Lists a collection, paginated with `limit` and `continue` over a consistent snapshot. */
function listCollection(store: ObjectStore, request: ResourceRequest): object {
  const { type, namespace, query } = request;
  const token = query.get('continue');
  const continueFrom = token ? decodeContinue(token) : undefined;
  let page;
  try {
    page = store.listObjects(type, {
      namespace,
      labelSelector: query.get('labelSelector') ?? undefined,
      fieldSelector: query.get('fieldSelector') ?? undefined,
      limit: Number(query.get('limit') ?? 0) || undefined,
      continueFrom,
    });
  } catch (error) {
    if (error instanceof KubeError && error.reason === 'Expired') throw new KubeError('Expired', CONTINUE_EXPIRED);
    throw error;
  }
  const metadata: Record<string, unknown> = { resourceVersion: page.resourceVersion };
  if (page.continue) metadata.continue = page.continue;
  if (page.remainingItemCount !== undefined) metadata.remainingItemCount = page.remainingItemCount;
  return { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata, items: page.items };
}

/** Reads and checks the object in a create or update body against the request path. */
async function readObject(message: IncomingMessage, request: ResourceRequest): Promise<KubeObject> {
  requireJsonBody(message);
  const body = parseJsonBody(await readBody(message));
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new KubeError('BadRequest', 'the body must be an object');
  const object = body as KubeObject;
  const { type, namespace, name } = request;
  if (object.kind !== undefined && object.kind !== type.kind) {
    throw new KubeError('BadRequest', `the API version in the data (${object.apiVersion}) does not match the expected API version (${apiVersionOf(type)}) or kind ${object.kind} is not ${type.kind}`);
  }
  const bodyNamespace = object.metadata?.namespace;
  if (type.namespaced && namespace && bodyNamespace && bodyNamespace !== namespace) {
    throw new KubeError('BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
  }
  if (name !== undefined && object.metadata?.name !== undefined && object.metadata.name !== name) {
    throw new KubeError('BadRequest', 'the name of the object does not match the name on the URL');
  }
  return object;
}

/** The part of an object a write may change: the status subresource, or the rest of it. */
function partOf(request: ResourceRequest): UpdatePart {
  if (request.subresource === 'status') return 'status';
  return request.type.subresources.includes('status') ? 'spec' : 'all';
}

/** Serves every verb on a collection or an object except watch. */
export async function handleResource(
  store: ObjectStore,
  message: IncomingMessage,
  response: ServerResponse,
  request: ResourceRequest,
): Promise<void> {
  const { type, namespace, name, subresource } = request;
  if (subresource !== undefined && !type.subresources.includes(subresource)) {
    throw new KubeError('NotFound', 'the server could not find the requested resource');
  }
  const method = message.method ?? 'GET';
  if (name === undefined) {
    if (method === 'GET') return sendJson(response, 200, listCollection(store, request));
    if (method === 'POST') return sendJson(response, 201, store.createObject(type, namespace, await readObject(message, request)));
    if (method === 'DELETE') {
      const list = listCollection(store, request) as { items: KubeObject[] };
      for (const item of list.items) store.deleteObject(type, item.metadata?.namespace ?? '', item.metadata?.name ?? '');
      return sendJson(response, 200, list);
    }
  } else {
    if (method === 'GET') return sendJson(response, 200, store.getObject(type, namespace, name));
    if (method === 'PUT') {
      const object = await readObject(message, request);
      return sendJson(response, 200, store.updateObject(type, namespace, name, object, partOf(request)));
    }
    if (method === 'PATCH') {
      const patch = parseJsonBody(await readBody(message));
      const patched = applyPatch(message.headers['content-type'] ?? '', store.getObject(type, namespace, name), patch) as KubeObject;
      return sendJson(response, 200, store.updateObject(type, namespace, name, patched, partOf(request)));
    }
    if (method === 'DELETE' && subresource === undefined) return sendJson(response, 200, store.deleteObject(type, namespace, name));
  }
  throw new KubeError('MethodNotAllowed', `the server does not allow this method on the requested resource`);
}
