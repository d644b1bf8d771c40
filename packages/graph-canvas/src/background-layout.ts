import type { ElementRecord } from './element-records.ts';
import { computeLayout } from './layout.ts';
import { positionsOf, type LayoutAnswer, type LayoutRequest } from './layout-messages.ts';
import type { Position } from './placement.ts';

/** Below this many nodes a layout takes a fraction of a second: it runs in the page, at once. */
const MIN_NODES = 300;

/** Lays graphs out off the page's thread, with the same result as in it. */
export interface BackgroundLayout {
  /** Graphs with fewer nodes are laid out in the page. */
  minNodes: number;
  /** The nodes' places; rejects only once disposed. */
  run(records: readonly ElementRecord[], seed: number): Promise<Map<string, Position>>;
  dispose(): void;
}

interface Waiting {
  /** With the answer, or without one when the worker failed. */
  resolve: (answer: LayoutAnswer | undefined) => void;
  reject: (error: Error) => void;
}

/**
 * Runs layouts in a Web Worker made by `createWorker` when first needed (see `layout-worker.ts`).
 * When the worker cannot start or fails, layouts run in the page instead: slower, but the graph
 * still shows.
 */
export function createWorkerLayout(createWorker: () => Worker, minNodes = MIN_NODES): BackgroundLayout {
  let worker: Worker | undefined;
  let isBroken = false;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();
  const stop = (settle: (entry: Waiting) => void) => {
    isBroken = true;
    worker?.terminate();
    worker = undefined;
    for (const entry of waiting.values()) settle(entry);
    waiting.clear();
  };
  const start = (): Worker | undefined => {
    if (worker || isBroken) return worker;
    try {
      worker = createWorker();
    } catch {
      isBroken = true;
      return undefined;
    }
    worker.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      waiting.get(event.data.id)?.resolve(event.data);
      waiting.delete(event.data.id);
    };
    worker.onerror = () => stop((entry) => entry.resolve(undefined));
    return worker;
  };
  return {
    minNodes,
    async run(records, seed) {
      const target = start();
      if (!target) return computeLayout(records, seed);
      const request: LayoutRequest = { id: nextId++, records, seed };
      const answer = await new Promise<LayoutAnswer | undefined>((resolve, reject) => {
        waiting.set(request.id, { resolve, reject });
        target.postMessage(request);
      });
      return answer ? positionsOf(answer.placed) : computeLayout(records, seed);
    },
    dispose() {
      stop((entry) => entry.reject(new Error('The canvas was destroyed')));
    },
  };
}
