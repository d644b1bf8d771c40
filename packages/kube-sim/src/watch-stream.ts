import type { ServerResponse } from 'node:http';
import type { KubeObject } from '@netmap/model';
import type { Faults } from './faults.ts';
import type { Change } from './history.ts';
import { buildObjectFilter } from './list-query.ts';
import type { ObjectStore } from './object-store.ts';
import { apiVersionOf, type ResourceType } from './resources.ts';
import { KubeError, type Status } from './status.ts';

/** A watch event as it goes over the wire, one JSON object a line. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObject | Status;
}

/** What a watch request asks for. */
export interface WatchRequest {
  type: ResourceType;
  namespace: string;
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  allowWatchBookmarks: boolean;
  sendInitialEvents: boolean;
  timeoutSeconds?: number;
  bookmarkIntervalMs: number;
}

/** Maps a change to the event a filtered watch sees: objects moving in or out of it are ADDED or DELETED. */
function toWatchEvent(change: Change, matches: (object: KubeObject) => boolean): WatchEvent | undefined {
  const now = matches(change.object);
  const before = change.previous !== undefined && matches(change.previous);
  if (change.type === 'DELETED') return now ? { type: 'DELETED', object: change.object } : undefined;
  if (now) return { type: before ? 'MODIFIED' : 'ADDED', object: change.object };
  return before ? { type: 'DELETED', object: change.object } : undefined;
}

/** The events a watch starts with: the current state as ADDED, or the changes after its resourceVersion. */
function initialEvents(store: ObjectStore, request: WatchRequest, matches: (o: KubeObject) => boolean): WatchEvent[] {
  const { resourceVersion, type } = request;
  if (resourceVersion === undefined || resourceVersion === '' || resourceVersion === '0' || request.sendInitialEvents) {
    const page = store.listObjects(type, { namespace: request.namespace, labelSelector: request.labelSelector, fieldSelector: request.fieldSelector });
    const events: WatchEvent[] = page.items.map((item) => ({ type: 'ADDED', object: { apiVersion: apiVersionOf(type), kind: type.kind, ...item } }));
    if (request.sendInitialEvents) {
      const metadata = { resourceVersion: store.resourceVersion, annotations: { 'k8s.io/initial-events-end': 'true' } };
      events.push({ type: 'BOOKMARK', object: { apiVersion: apiVersionOf(type), kind: type.kind, metadata } });
    }
    return events;
  }
  const since = Number(resourceVersion);
  if (!Number.isInteger(since)) throw new KubeError('BadRequest', `invalid resource version: ${resourceVersion}`);
  return store
    .changesSince(since, resourceVersion)
    .filter((change) => change.resourceType === type)
    .map((change) => toWatchEvent(change, matches))
    .filter((event) => event !== undefined);
}

/** Serves a watch: newline-delimited JSON events over a chunked response until timeout, drop or disconnect. */
export function serveWatch(response: ServerResponse, store: ObjectStore, faults: Faults, request: WatchRequest): void {
  const matches = buildObjectFilter(request);
  let backlog: WatchEvent[];
  try {
    backlog = initialEvents(store, request, matches);
  } catch (error) {
    if (!(error instanceof KubeError) || error.reason !== 'Expired') throw error;
    // A too-old resourceVersion is not an HTTP error: the stream opens and carries one ERROR event.
    backlog = [{ type: 'ERROR', object: error.toStatus() }];
  }
  response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  response.flushHeaders();
  const write = (event: WatchEvent) => {
    if (!response.writableEnded && !response.destroyed) response.write(`${JSON.stringify(event)}\n`);
  };
  backlog.forEach(write);
  if (backlog.some((event) => event.type === 'ERROR')) {
    response.end();
    return;
  }
  const unsubscribe = store.subscribe((change) => {
    if (change.resourceType !== request.type) return;
    const event = toWatchEvent(change, matches);
    if (event) write(event);
  });
  const bookmarks = request.allowWatchBookmarks
    ? setInterval(() => {
        const metadata = { resourceVersion: store.resourceVersion };
        write({ type: 'BOOKMARK', object: { apiVersion: apiVersionOf(request.type), kind: request.type.kind, metadata } });
      }, request.bookmarkIntervalMs)
    : undefined;
  let timeout: NodeJS.Timeout | undefined;
  const stop = () => {
    unsubscribe();
    untrack();
    clearInterval(bookmarks);
    clearTimeout(timeout);
  };
  const untrack = faults.trackWatch((abrupt) => {
    stop();
    if (abrupt) response.destroy();
    else response.end();
  });
  // timeoutSeconds ends the stream cleanly: clients re-watch from their last resourceVersion.
  if (request.timeoutSeconds) timeout = setTimeout(() => (stop(), response.end()), request.timeoutSeconds * 1000);
  response.on('close', stop);
}
