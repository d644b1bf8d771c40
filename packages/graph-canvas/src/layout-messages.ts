import type { ElementRecord } from './element-records.ts';
import { computeLayout } from './layout.ts';
import type { Position } from './placement.ts';

/** What a background layout is asked: lay these elements out with this seed. */
export interface LayoutRequest {
  id: number;
  records: readonly ElementRecord[];
  seed: number;
}

/** Every node's place as `[id, x, y]`: plain data that crosses `postMessage` cheaply. */
export type PlacedNodes = readonly (readonly [string, number, number])[];

/** The answer to a request: the nodes' places. */
export interface LayoutAnswer {
  id: number;
  placed: PlacedNodes;
}

/**
 * Answers a request with the very layout the page would compute. (A layout that throws fails the
 * worker, whose `error` event the page handles.)
 */
export function answerLayoutRequest(request: LayoutRequest): LayoutAnswer {
  const positions = computeLayout(request.records, request.seed);
  return { id: request.id, placed: [...positions].map(([id, { x, y }]) => [id, x, y] as const) };
}

/** The positions that placed nodes stand for. */
export function positionsOf(placed: PlacedNodes): Map<string, Position> {
  return new Map(placed.map(([id, x, y]) => [id, { x, y }]));
}
