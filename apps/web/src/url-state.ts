import { PROTOCOLS, type Protocol } from '@netmap/model';
import {
  DEFAULT_VIEW,
  PANELS,
  SHOWN_KINDS,
  type FlowFocus,
  type Grouping,
  type QueryInput,
  type ShownKind,
  type ViewState,
} from './view-state.ts';

/**
 * The view in the address bar, with short keys in a fixed order and only what differs from the
 * default, so links stay short and the same view always gives the same address:
 * `g` grouping, `ns` namespaces (repeated), `k` kinds (comma-joined; empty for none), `l` label
 * selector, `s` search, `sys=1` show system namespaces, `f` flow focus, `sel` selection,
 * `x` expanded workloads (repeated), and the query as `from`, `to`, `port`, `proto`.
 */

const GROUPINGS: readonly Grouping[] = ['namespace', 'node', 'flat'];
const FLOW_FOCUSES: readonly FlowFocus[] = ['all', 'into', 'out-of'];

const isOneOf = <T extends string>(options: readonly T[], value: string | null): value is T =>
  value !== null && (options as readonly string[]).includes(value);

/** The address's query string for a view (defaults left out). */
export function viewToSearchParams(view: ViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (view.grouping !== DEFAULT_VIEW.grouping) params.set('g', view.grouping);
  for (const namespace of view.namespaces) params.append('ns', namespace);
  if (view.kinds.join() !== DEFAULT_VIEW.kinds.join()) params.set('k', view.kinds.join());
  if (view.labels) params.set('l', view.labels);
  if (view.search) params.set('s', view.search);
  if (view.hideSystem !== DEFAULT_VIEW.hideSystem) params.set('sys', view.hideSystem ? '0' : '1');
  if (view.flowFocus !== DEFAULT_VIEW.flowFocus) params.set('f', view.flowFocus);
  if (view.selected !== null) params.set('sel', view.selected);
  for (const workload of view.expanded) params.append('x', workload);
  if (view.panel) params.set('p', view.panel);
  if (view.query) {
    params.set('from', view.query.from);
    params.set('to', view.query.to);
    params.set('port', view.query.port);
    params.set('proto', view.query.protocol);
  }
  return params;
}

/** The view an address describes; anything missing or invalid takes its default. Never throws. */
export function viewFromSearchParams(params: URLSearchParams): ViewState {
  const grouping = params.get('g');
  const flowFocus = params.get('f');
  const hideSystem = params.get('sys');
  const panel = params.get('p');
  return {
    grouping: isOneOf(GROUPINGS, grouping) ? grouping : DEFAULT_VIEW.grouping,
    namespaces: params.getAll('ns'),
    kinds: readKinds(params.get('k')),
    labels: params.get('l') ?? DEFAULT_VIEW.labels,
    search: params.get('s') ?? DEFAULT_VIEW.search,
    hideSystem: hideSystem === '1' ? false : hideSystem === '0' ? true : DEFAULT_VIEW.hideSystem,
    flowFocus: isOneOf(FLOW_FOCUSES, flowFocus) ? flowFocus : DEFAULT_VIEW.flowFocus,
    selected: params.get('sel') ?? DEFAULT_VIEW.selected,
    expanded: params.getAll('x'),
    query: readQuery(params),
    panel: isOneOf(PANELS, panel) ? panel : DEFAULT_VIEW.panel,
  };
}

/** Kinds in the order given, unknown ones and repeats dropped; an empty value means none. */
function readKinds(value: string | null): ShownKind[] {
  if (value === null) return [...DEFAULT_VIEW.kinds];
  const kinds = value.split(',').filter((kind): kind is ShownKind => isOneOf(SHOWN_KINDS, kind));
  return [...new Set(kinds)];
}

function readQuery(params: URLSearchParams): QueryInput | null {
  if (!['from', 'to', 'port', 'proto'].some((key) => params.has(key))) return DEFAULT_VIEW.query;
  const protocol = params.get('proto');
  return {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    port: params.get('port') ?? '',
    protocol: isOneOf<Protocol>(PROTOCOLS, protocol) ? protocol : 'TCP',
  };
}
