import type { Protocol } from '@netmap/model';

/** How the graph groups what it shows. */
export type Grouping = 'namespace' | 'node' | 'flat';

/** Which kinds of objects the graph shows (pods appear by expanding workloads). */
export type ShownKind = 'workload' | 'service' | 'ingress' | 'external';
export const SHOWN_KINDS: readonly ShownKind[] = ['workload', 'service', 'ingress', 'external'];

/** "Show only flows into/out of the selection". */
export type FlowFocus = 'all' | 'into' | 'out-of';

/** The side panel opened beside the map, if any. */
export type Panel = 'findings' | 'what-if';
export const PANELS: readonly Panel[] = ['findings', 'what-if'];

/** A query from the query panel, as typed (validated by the server). */
export interface QueryInput {
  from: string;
  to: string;
  port: string;
  protocol: Protocol;
}

/**
 * Everything that decides what the page shows, and nothing else: the URL holds it, so a link or a
 * reload reproduces the same picture. Ids are the topology's node ids.
 */
export interface ViewState {
  grouping: Grouping;
  /** Namespaces shown; empty shows all. */
  namespaces: string[];
  kinds: ShownKind[];
  /** A label selector in kubectl syntax (`app=web,tier in (a,b),!legacy`); empty matches all. */
  labels: string;
  search: string;
  /** Hide kube-system, kube-public, kube-node-lease and the CNI's namespaces. */
  hideSystem: boolean;
  flowFocus: FlowFocus;
  selected: string | null;
  /** Workloads drawn as their individual pods. */
  expanded: string[];
  query: QueryInput | null;
  panel: Panel | null;
}

export const DEFAULT_VIEW: ViewState = {
  grouping: 'namespace',
  namespaces: [],
  kinds: [...SHOWN_KINDS],
  labels: '',
  search: '',
  hideSystem: true,
  flowFocus: 'all',
  selected: null,
  expanded: [],
  query: null,
  panel: null,
};
