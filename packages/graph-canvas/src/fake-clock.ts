import type { FrameClock } from './viewport-motion.ts';

/** A clock for tests: time moves and frames come only when the test says so. */
export function fakeClock(): { clock: FrameClock; frame(ms?: number): void; wait(ms: number): void } {
  let time = 0;
  let nextHandle = 1;
  const callbacks = new Map<number, () => void>();
  const clock: FrameClock = {
    now: () => time,
    requestFrame(callback) {
      callbacks.set(nextHandle, callback);
      return nextHandle++;
    },
    cancelFrame: (handle) => void callbacks.delete(handle),
  };
  return {
    clock,
    /** One frame, `ms` after the last. */
    frame(ms = 16) {
      time += ms;
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback();
    },
    /** Time passing between frames, as while a frame is drawn. */
    wait(ms) {
      time += ms;
    },
  };
}
