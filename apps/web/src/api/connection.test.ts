import { describe, expect, it } from 'vitest';
import { createConnectionStore, STALE_AFTER_MS, type Clock } from './connection.ts';

/** A clock that moves only when the test says, and runs what is due. */
function manualClock(start = 1_000) {
  let now = start;
  let timers: { at: number; callback: () => void }[] = [];
  const clock: Clock = {
    now: () => now,
    schedule(callback, ms) {
      const timer = { at: now + ms, callback };
      timers.push(timer);
      return () => (timers = timers.filter((other) => other !== timer));
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((timer) => timer.at <= now);
    timers = timers.filter((timer) => timer.at > now);
    for (const timer of due) timer.callback();
  };
  return { clock, advance, pending: () => timers.length };
}

describe('connection store', () => {
  it('goes connecting → live → reconnecting → stale → live', () => {
    const { clock, advance } = manualClock();
    const store = createConnectionStore(clock);
    expect(store.getSnapshot()).toEqual({ state: 'connecting', lastEventAt: undefined, since: 1_000 });

    advance(200);
    store.received();
    expect(store.getSnapshot()).toEqual({ state: 'live', lastEventAt: 1_200, since: 1_200 });

    advance(5_000);
    store.received();
    expect(store.getSnapshot()).toEqual({ state: 'live', lastEventAt: 6_200, since: 1_200 });

    advance(1_000);
    store.failed();
    expect(store.getSnapshot()).toEqual({ state: 'reconnecting', lastEventAt: 6_200, since: 7_200 });

    advance(STALE_AFTER_MS - 1);
    expect(store.getSnapshot().state).toBe('reconnecting');
    advance(1);
    expect(store.getSnapshot()).toEqual({ state: 'stale', lastEventAt: 6_200, since: 7_200 });

    advance(30_000);
    store.received();
    expect(store.getSnapshot()).toEqual({ state: 'live', lastEventAt: 47_200, since: 47_200 });
  });

  it('keeps the time it went down through repeated errors while retrying', () => {
    const { clock, advance } = manualClock();
    const store = createConnectionStore(clock);
    store.received();
    store.failed();
    advance(6_000);
    store.failed();
    advance(4_000);
    expect(store.getSnapshot()).toMatchObject({ state: 'stale', since: 1_000 });
  });

  it('does not go stale when the stream comes back in time', () => {
    const { clock, advance, pending } = manualClock();
    const store = createConnectionStore(clock);
    store.received();
    store.failed();
    advance(3_000);
    store.received();
    expect(pending()).toBe(0);
    advance(STALE_AFTER_MS);
    expect(store.getSnapshot().state).toBe('live');
  });

  it('tells subscribers of each change and keeps the snapshot the same object between changes', () => {
    const { clock } = manualClock();
    const store = createConnectionStore(clock);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const before = store.getSnapshot();
    expect(store.getSnapshot()).toBe(before);
    store.received();
    store.failed();
    store.failed();
    expect(calls).toBe(2);
    unsubscribe();
    store.received();
    expect(calls).toBe(2);
  });

  it('connecting() starts over and cancels the stale timer', () => {
    const { clock, advance, pending } = manualClock();
    const store = createConnectionStore(clock);
    store.received();
    store.failed();
    advance(1_000);
    store.connecting();
    expect(pending()).toBe(0);
    expect(store.getSnapshot()).toEqual({ state: 'connecting', lastEventAt: 1_000, since: 2_000 });
  });
});
