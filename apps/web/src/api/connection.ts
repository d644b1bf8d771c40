import { useSyncExternalStore } from 'react';

/** How the stream stands: `stale` once it has been down long enough that the data may be out of date. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'stale';

/** The stream's state, when its last event came, and since when the current state holds. */
export interface Connection {
  state: ConnectionState;
  /** Time (ms) of the last open or message event; heartbeats are SSE comments and never count. */
  lastEventAt: number | undefined;
  /** When the stream started, opened, or went down (a stale stream keeps the time it went down). */
  since: number;
}

/** A clock to read and to wait on; tests pass one they drive by hand. */
export interface Clock {
  now(): number;
  /** Calls `callback` after `ms`; returns a function that cancels it. */
  schedule(callback: () => void, ms: number): () => void;
}

/** The stream is called stale after being down this long; its data stays on screen. */
export const STALE_AFTER_MS = 10_000;

/** A small external store of the stream's connection, for `useSyncExternalStore`. */
export interface ConnectionStore {
  getSnapshot(): Connection;
  subscribe(listener: () => void): () => void;
  /** A new connection is being opened from scratch. */
  connecting(): void;
  /** The stream opened or delivered an event. */
  received(): void;
  /** The stream failed; it is being retried. */
  failed(): void;
  /** Cancels the pending stale timer. */
  dispose(): void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  schedule: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

/** Creates a connection store; it starts `connecting`. */
export function createConnectionStore(clock: Clock = systemClock): ConnectionStore {
  let snapshot: Connection = { state: 'connecting', lastEventAt: undefined, since: clock.now() };
  const listeners = new Set<() => void>();
  let cancelStale: (() => void) | undefined;

  const set = (next: Connection) => {
    snapshot = next;
    for (const listener of listeners) listener();
  };
  const stopStaleTimer = () => {
    cancelStale?.();
    cancelStale = undefined;
  };

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connecting() {
      stopStaleTimer();
      set({ ...snapshot, state: 'connecting', since: clock.now() });
    },
    received() {
      stopStaleTimer();
      const now = clock.now();
      set({ state: 'live', lastEventAt: now, since: snapshot.state === 'live' ? snapshot.since : now });
    },
    failed() {
      // Repeated errors while retrying do not restart the wait for `stale`.
      if (snapshot.state === 'reconnecting' || snapshot.state === 'stale') return;
      set({ ...snapshot, state: 'reconnecting', since: clock.now() });
      cancelStale = clock.schedule(() => {
        cancelStale = undefined;
        if (snapshot.state === 'reconnecting') set({ ...snapshot, state: 'stale' });
      }, STALE_AFTER_MS);
    },
    dispose: stopStaleTimer,
  };
}

/** The page's one stream connection (one stream per browser). */
export const connectionStore: ConnectionStore = createConnectionStore();

/** The stream's connection state; re-renders when it changes. */
export function useConnection(store: ConnectionStore = connectionStore): Connection {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
