import type { QueryClient } from '@tanstack/react-query';
import { applyPatch, type TopologyPatch, type VersionedTopology } from '@netmap/model';
import { connectionStore, type ConnectionStore } from './connection.ts';
import { changedBetween, changedByPatch, isNoChange, type ModelChange } from './model-changes.ts';
import { MODEL_KEY } from './query-keys.ts';
import { isPatch, isTopology, parseJson } from './stream-payloads.ts';

/** The part of `EventSource` the stream uses, so tests can drive it with a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** Where the stream comes from and what it reports to. */
export interface ModelStreamOptions {
  url?: string;
  createEventSource?: (url: string) => EventSourceLike;
  connection?: ConnectionStore;
}

/** A running model stream. */
export interface ModelStream {
  /** Calls `listener` with the ids each update changed; returns a function that unsubscribes. */
  onChange(listener: (change: ModelChange) => void): () => void;
  /** Closes the stream for good. */
  stop(): void;
}

const CLOSED = 2;
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Streams the model into the query cache under {@link MODEL_KEY}: a snapshot replaces it, a patch is
 * applied to it. A patch that does not follow on (a gap, another epoch, no model yet) closes the
 * stream and opens a fresh one, which the server answers with a snapshot. A dropped stream is left to
 * the browser, which reconnects with `Last-Event-ID` and gets only the patches it missed.
 */
export function startModelStream(queryClient: QueryClient, options: ModelStreamOptions = {}): ModelStream {
  const url = options.url ?? '/api/v1/stream';
  const createEventSource = options.createEventSource ?? ((target: string) => new EventSource(target));
  const connection = options.connection ?? connectionStore;
  const listeners = new Set<(change: ModelChange) => void>();
  let source: EventSourceLike | undefined;
  let failures = 0;
  let cancelRetry: (() => void) | undefined;

  // The stream is the model's only writer: the cached model never goes stale nor away.
  queryClient.setQueryDefaults(MODEL_KEY, { staleTime: Infinity, gcTime: Infinity });

  const notify = (change: ModelChange) => {
    if (!isNoChange(change)) for (const listener of listeners) listener(change);
  };

  const takeSnapshot = (topology: VersionedTopology) => {
    const previous = queryClient.getQueryData<VersionedTopology>(MODEL_KEY);
    queryClient.setQueryData(MODEL_KEY, topology);
    failures = 0;
    if (previous) notify(changedBetween(previous, topology));
  };

  const takePatch = (patch: TopologyPatch): boolean => {
    const model = queryClient.getQueryData<VersionedTopology>(MODEL_KEY);
    if (!model) return false;
    let next: VersionedTopology;
    try {
      next = applyPatch(model, patch);
    } catch {
      return false;
    }
    queryClient.setQueryData(MODEL_KEY, next);
    failures = 0;
    notify(changedByPatch(patch));
    return true;
  };

  const open = () => {
    const current = createEventSource(url);
    source = current;
    // Events of a stream that has been replaced or stopped are ignored.
    const on = (type: string, handle: (event: MessageEvent) => void) =>
      current.addEventListener(type, (event) => {
        if (source === current) handle(event);
      });
    on('open', () => connection.received());
    on('snapshot', (event) => {
      connection.received();
      const topology = parseJson(event.data);
      if (isTopology(topology)) takeSnapshot(topology);
      else reopenLater();
    });
    on('patch', (event) => {
      connection.received();
      const patch = parseJson(event.data);
      if (!isPatch(patch)) reopenLater();
      else if (!takePatch(patch)) reopenNow();
    });
    on('error', () => {
      connection.failed();
      // The browser retries a dropped stream by itself, but not one the server refused (e.g. 503).
      if (current.readyState === CLOSED) reopenLater();
    });
  };

  const close = () => {
    source?.close();
    source = undefined;
    cancelRetry?.();
    cancelRetry = undefined;
  };

  const reopenNow = () => {
    close();
    open();
  };

  // Backs off (1 s, 2 s, 4 s … 30 s) so that a refusing server or bad data does not cause a storm.
  const reopenLater = () => {
    close();
    const timer = setTimeout(open, Math.min(1000 * 2 ** failures++, MAX_RETRY_DELAY_MS));
    cancelRetry = () => clearTimeout(timer);
  };

  connection.connecting();
  open();
  return {
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      close();
      listeners.clear();
      connection.dispose();
    },
  };
}
