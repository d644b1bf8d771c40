// The Web Worker that lays graphs out off the page's thread: Cytoscape runs headless here.
import { answerLayoutRequest, type LayoutAnswer, type LayoutRequest } from './layout-messages.ts';

/** The parts of a worker's global scope this one uses (the project's types describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(answer: LayoutAnswer): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => scope.postMessage(answerLayoutRequest(event.data));
