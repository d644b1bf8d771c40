import type { CanvasElements, LegendEntry } from '@netmap/graph-canvas';
import type { Topology } from '@netmap/model';
import type { ViewState } from '../../view-state.ts';
import { drawK8sNodeLevel, drawNamespaceLevel } from './collapse.ts';
import { drawFlows, drawServiceEdges } from './draw-edges.ts';
import { drawNodes, type DrawPlan } from './draw-nodes.ts';
import { ElementDraft } from './element-draft.ts';
import { filterModel, type FilteredModel } from './filters.ts';
import { indexModel, type ModelIndex } from './model-index.ts';
import { outsideCanvasId } from './outside.ts';
import { legendFor } from './visuals.ts';

/**
 * Above these, the map collapses to a coarser level and says so. Larger maps pan and zoom fast
 * enough, but their first drawing holds the page for a second and more after the layout (measured
 * with `pnpm bench:web`, see bench/README.md), and a thousand nodes is about as many as a map
 * shows legibly.
 */
export const DEFAULT_LIMITS = { maxNodes: 1000, maxEdges: 5000 } as const;

/** Limits on what one map draws. */
export interface MapLimits {
  maxNodes?: number;
  maxEdges?: number;
}

/** The map of a model for one view. */
export interface MapElements {
  elements: CanvasElements;
  /** One row per kind of node, warning and edge on screen. */
  legend: LegendEntry[];
  /** Set when the map was collapsed to stay within the limits: what was collapsed, and why. */
  aggregated?: string;
  /** What the filters hide. */
  hidden: { nodes: number };
  /** Why the label selector was ignored. */
  selectorError?: string;
  /** The model ids behind elements that stand for several: `internet`, `aggregate:…`, merged flow edges. */
  members: Record<string, string[]>;
}

type Size = { nodes: number; edges: number };

interface Level {
  /** What this level leaves out compared with the one before, said to the user. */
  summary: string;
  /** The level's size without drawing it, when drawing would cost too much. */
  estimate?: () => Size;
  draw: () => ElementDraft;
}

/**
 * Maps the evaluated model to canvas elements for a view: filters, then draws at the most detailed
 * level that stays within the limits (pods → workloads → namespaces; by node: pods with their flows
 * → pods → Kubernetes nodes). Pure and deterministic: elements come sorted by id.
 */
export function buildElements(model: Topology, view: ViewState, options: MapLimits = {}): MapElements {
  const limits = { ...DEFAULT_LIMITS, ...options };
  const index = indexModel(model);
  const filtered = filterModel(index, view);
  const showOutside = view.kinds.includes('external');
  const levels =
    view.grouping === 'node'
      ? nodeLevels(index, filtered, showOutside)
      : namespaceLevels(index, filtered, view, showOutside);
  let previous: Size | undefined;
  let aggregated: string | undefined;
  let draft: ElementDraft | undefined;
  for (const [position, level] of levels.entries()) {
    const isLast = position === levels.length - 1;
    const estimate = level.estimate?.();
    if (estimate && !fits(estimate, limits) && !isLast) {
      previous = estimate;
      continue;
    }
    draft = level.draw();
    if (previous) aggregated = `${level.summary}, because ${describeExcess(previous, limits)}.`;
    if (fits(draft.size, limits)) break;
    previous = draft.size;
  }
  const { elements, members } = draft!.finish();
  const result: MapElements = {
    elements,
    legend: legendFor(elements),
    hidden: { nodes: filtered.hiddenCount },
    members,
  };
  if (aggregated) result.aggregated = aggregated;
  if (filtered.selectorError) result.selectorError = filtered.selectorError;
  return result;
}

function namespaceLevels(
  index: ModelIndex,
  filtered: FilteredModel,
  view: ViewState,
  showOutside: boolean,
): Level[] {
  const expanded = new Set(view.expanded.filter((id) => filtered.nodes.has(id)));
  const selected = view.selected ? index.model.nodes[view.selected] : undefined;
  if (selected?.kind === 'pod') expanded.add(selected.workload);
  const detailed = (withPods: boolean) => () =>
    drawDetailed(
      { index, filtered, grouping: view.grouping, expanded: withPods ? expanded : new Set() },
      true,
      showOutside,
    );
  const levels: Level[] = [];
  if (expanded.size > 0) levels.push({ summary: '', draw: detailed(true) });
  levels.push({ summary: 'Workloads are drawn without their pods', draw: detailed(false) });
  levels.push({
    summary: 'Each namespace is drawn as one node with counts',
    draw: () => drawNamespaceLevel(index, filtered),
  });
  return levels;
}

function nodeLevels(index: ModelIndex, filtered: FilteredModel, showOutside: boolean): Level[] {
  const plan: DrawPlan = { index, filtered, grouping: 'node', expanded: new Set() };
  return [
    {
      summary: '',
      estimate: () => estimatePodFlows(plan),
      draw: () => drawDetailed(plan, true, showOutside),
    },
    {
      summary: 'Flows between pods are left out (group by namespace to see flows between workloads)',
      draw: () => drawDetailed(plan, false, showOutside),
    },
    {
      summary: 'Each Kubernetes node is drawn as one node with counts',
      draw: () => drawK8sNodeLevel(index, filtered),
    },
  ];
}

function drawDetailed(plan: DrawPlan, withFlows: boolean, showOutside: boolean): ElementDraft {
  const draft = new ElementDraft();
  drawNodes(draft, plan);
  if (withFlows) drawFlows(draft, plan);
  drawServiceEdges(draft, plan, showOutside);
  return draft;
}

/** Nodes and edges of the map by node, counted without drawing the flows between pods. */
function estimatePodFlows(plan: DrawPlan): Size {
  const podsOf = (id: string): number => {
    const node = plan.index.model.nodes[id];
    if (node?.kind !== 'workload') return 1;
    const kept = (plan.index.podsByWorkload.get(id) ?? []).filter((pod) =>
      plan.filtered.nodes.has(pod.id),
    ).length;
    return kept || 1;
  };
  const endOf = (id: string) => {
    const node = plan.index.model.nodes[id];
    return node?.kind === 'external' ? outsideCanvasId(node) : id;
  };
  const pairs = new Map<string, number>();
  for (const flow of plan.filtered.flows)
    pairs.set(`${flow.verdict}|${endOf(flow.from)}|${endOf(flow.to)}`, podsOf(flow.from) * podsOf(flow.to));
  let edges = 0;
  for (const count of pairs.values()) edges += count;
  return { nodes: plan.filtered.nodes.size, edges };
}

function fits(size: Size, limits: Required<MapLimits>): boolean {
  return size.nodes <= limits.maxNodes && size.edges <= limits.maxEdges;
}

function describeExcess(size: Size, limits: Required<MapLimits>): string {
  const format = (count: number) => count.toLocaleString('en-US');
  const parts: string[] = [];
  if (size.nodes > limits.maxNodes)
    parts.push(`${format(size.nodes)} nodes (more than ${format(limits.maxNodes)})`);
  if (size.edges > limits.maxEdges)
    parts.push(`${format(size.edges)} edges (more than ${format(limits.maxEdges)})`);
  return `the more detailed map would have ${parts.join(' and ')}`;
}
