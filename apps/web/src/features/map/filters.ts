import type { TopologyFlow, TopologyNode } from '@netmap/model';
import type { ViewState } from '../../view-state.ts';
import { matchesSelector, parseSelector, type Selector } from '@netmap/engine';
import { backendPods, namespaceOf, routeServiceId, type ModelIndex } from './model-index.ts';
import { outsideCanvasId } from './outside.ts';
import { matchNode } from './search.ts';
import { resolveSelection } from './selection.ts';
import { isSystemNamespace } from './system-namespaces.ts';

/** What the filters leave of the model. */
export interface FilteredModel {
  /** Ids of the model's nodes that pass (pods pass with their workload). */
  nodes: Set<string>;
  /** Flows whose two ends pass, narrowed to the selection's when the view focuses on it. */
  flows: TopologyFlow[];
  /** How many nodes the filters hide (pods not counted; the Internet's pieces count once). */
  hiddenCount: number;
  /** Why the label selector was ignored, for the user. */
  selectorError?: string;
}

type Test = (node: TopologyNode) => boolean;

/**
 * Applies the view's filters: namespaces, system namespaces, kinds, the label selector and the
 * search text, then the flow focus. Labels select workloads and pods; a Service passes with the
 * pods behind it (or when its selector satisfies the selector), an Ingress with its Services, the
 * outside with the flows to what passes. Filters never hide the selected node.
 */
export function filterModel(index: ModelIndex, view: ViewState): FilteredModel {
  const parsed = parseSelector(view.labels);
  const selector =
    parsed.error === undefined && parsed.selector.requirements.length > 0 ? parsed.selector : undefined;
  const search = view.search.trim();
  const kept = new Set<string>();
  const inScope = scopeTest(view);
  keepWorkloadsAndPods(index, inScope, selector, search, kept);
  keepServicesAndIngresses(index, inScope, selector, search, kept);
  keepOutside(index, view, search, kept);
  keepNamespaces(index, inScope, selector !== undefined || search !== '', search, kept);

  const selection = resolveSelection(index, view.selected);
  for (const id of selection?.nodes ?? []) kept.add(id);
  let flows = index.flows.filter((flow) => kept.has(flow.from) && kept.has(flow.to));
  let nodes = kept;
  if (selection && view.flowFocus !== 'all') {
    const end = view.flowFocus === 'into' ? 'to' : 'from';
    flows = flows.filter((flow) => selection.flowEnds.has(flow[end]));
    nodes = new Set(selection.nodes);
    for (const flow of flows) nodes.add(flow.from).add(flow.to);
    for (const id of [...nodes])
      for (const pod of index.podsByWorkload.get(id) ?? []) if (kept.has(pod.id)) nodes.add(pod.id);
  }
  const result: FilteredModel = { nodes, flows, hiddenCount: countHidden(index, nodes) };
  if (parsed.error !== undefined) result.selectorError = parsed.error;
  return result;
}

function scopeTest(view: ViewState): Test {
  const chosen = new Set(view.namespaces);
  const kinds = new Set(view.kinds);
  return (node) => {
    const kind = node.kind === 'pod' ? 'workload' : node.kind;
    if (kind !== 'namespace' && !kinds.has(kind)) return false;
    const namespace = namespaceOf(node);
    if (namespace === undefined) return true;
    if (chosen.size > 0) return chosen.has(namespace);
    return !view.hideSystem || !isSystemNamespace(namespace);
  };
}

function keepWorkloadsAndPods(
  index: ModelIndex,
  inScope: Test,
  selector: Selector | undefined,
  search: string,
  kept: Set<string>,
) {
  const labelsMatch: Test = (node) =>
    !selector || ('labels' in node && matchesSelector(selector, node.labels));
  const textMatches: Test = (node) => !search || matchNode(node, search).score > 0;
  for (const workload of index.workloads) {
    if (!inScope(workload)) continue;
    const pods = index.podsByWorkload.get(workload.id) ?? [];
    const passes = (pod: TopologyNode) =>
      (labelsMatch(pod) || labelsMatch(workload)) && (textMatches(pod) || textMatches(workload));
    const passingPods = pods.filter(passes);
    if (passingPods.length === 0 && !passes(workload)) continue;
    kept.add(workload.id);
    for (const pod of passingPods) kept.add(pod.id);
  }
}

function keepServicesAndIngresses(
  index: ModelIndex,
  inScope: Test,
  selector: Selector | undefined,
  search: string,
  kept: Set<string>,
) {
  const textMatches: Test = (node) => !search || matchNode(node, search).score > 0;
  const labelled = selector && labelledPods(index, selector);
  const servicesWithLabels = new Set<string>();
  for (const service of index.services) {
    const isLabelled =
      !selector ||
      (service.selector !== undefined && matchesSelector(selector, service.selector)) ||
      backendPods(index, service).some((pod) => labelled?.has(pod.id));
    if (isLabelled) servicesWithLabels.add(service.id);
    if (isLabelled && inScope(service) && textMatches(service)) kept.add(service.id);
  }
  for (const node of index.nodes) {
    if (node.kind !== 'ingress' || !inScope(node) || !textMatches(node)) continue;
    const routesLabelled = node.routes.some((route) =>
      servicesWithLabels.has(routeServiceId(node.namespace, route.service)),
    );
    if (!selector || routesLabelled) kept.add(node.id);
  }
}

/** Pods whose labels, or whose workload's labels, satisfy the selector. */
function labelledPods(index: ModelIndex, selector: Selector): Set<string> {
  const pods = new Set<string>();
  for (const workload of index.workloads) {
    const isWorkloadLabelled = matchesSelector(selector, workload.labels);
    for (const pod of index.podsByWorkload.get(workload.id) ?? [])
      if (isWorkloadLabelled || matchesSelector(selector, pod.labels)) pods.add(pod.id);
  }
  return pods;
}

/** The outside passes with a flow to a workload that passes — or, while searching, when it matches. */
function keepOutside(index: ModelIndex, view: ViewState, search: string, kept: Set<string>) {
  if (!view.kinds.includes('external')) return;
  if (search) {
    for (const node of index.externals) if (matchNode(node, search).score > 0) kept.add(node.id);
    return;
  }
  const isExternal = (id: string) => index.model.nodes[id]?.kind === 'external';
  // Flows between namespaces (large clusters) pass with a namespace that holds something kept.
  const keptNamespaces = new Set<string>();
  for (const id of kept) {
    const node = index.model.nodes[id];
    const namespace = node && namespaceOf(node);
    if (namespace) keptNamespaces.add(`namespace:${namespace}`);
  }
  const isKept = (id: string) => kept.has(id) || keptNamespaces.has(id);
  const controller = standInController(index, kept);
  for (const flow of index.flows) {
    if (isExternal(flow.from) && isKept(flow.to) && flow.from !== controller) kept.add(flow.from);
    if (isExternal(flow.to) && isKept(flow.from)) kept.add(flow.to);
  }
}

/**
 * The `{ingress-controller}` node, when the controller's own workloads are drawn and already send
 * every flow it stands for: then it would only draw each of those flows twice.
 */
function standInController(index: ModelIndex, kept: ReadonlySet<string>): string | undefined {
  const standIn = index.externals.find((node) => node.name === '{ingress-controller}');
  if (!standIn || index.model.flowLevel === 'namespace') return undefined;
  const controllers = new Set(
    index.workloads.filter((w) => w.ingressController && kept.has(w.id)).map((w) => w.id),
  );
  const reached = new Set(
    index.flows.filter((flow) => controllers.has(flow.from)).map((flow) => `${flow.verdict} ${flow.to}`),
  );
  const relayed = index.flows.filter((flow) => flow.from === standIn.id);
  const isCovered = relayed.every((flow) => reached.has(`${flow.verdict} ${flow.to}`));
  return controllers.size > 0 && isCovered ? standIn.id : undefined;
}

/**
 * A namespace passes when it holds something that passes, or when it holds nothing at all in the
 * model and neither labels nor search narrow the view (an empty namespace is worth seeing).
 */
function keepNamespaces(
  index: ModelIndex,
  inScope: Test,
  isNarrowed: boolean,
  search: string,
  kept: Set<string>,
) {
  const holding = new Set<string>();
  for (const id of kept) {
    const node = index.model.nodes[id];
    const namespace = node && namespaceOf(node);
    if (namespace !== undefined) holding.add(namespace);
  }
  const occupied = new Set<string>();
  for (const node of index.nodes)
    if (node.kind !== 'namespace' && node.kind !== 'external') occupied.add(node.namespace);
  for (const node of index.nodes) {
    if (node.kind !== 'namespace' || !inScope(node)) continue;
    const isMatch = search !== '' && matchNode(node, search).score > 0;
    const isEmpty = !occupied.has(node.name);
    if (holding.has(node.name) || (isEmpty && !isNarrowed) || isMatch) kept.add(node.id);
  }
}

function countHidden(index: ModelIndex, shown: ReadonlySet<string>): number {
  const all = new Set<string>();
  const visible = new Set<string>();
  for (const node of index.nodes) {
    if (node.kind === 'pod') continue;
    const id = node.kind === 'external' ? outsideCanvasId(node) : node.id;
    all.add(id);
    if (shown.has(node.id)) visible.add(id);
  }
  return all.size - visible.size;
}
