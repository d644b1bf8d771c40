import type { ExportOptions, LegendEntry } from '@netmap/graph-canvas';
import { DEFAULT_VIEW, type ViewState } from '../../view-state.ts';

/**
 * The title bar of an export: what the data is, when it is from, and what the view leaves out, so
 * that a picture pasted into a review document says what it shows.
 */
export function exportFrame(input: {
  view: ViewState;
  source: string;
  dataTime: number | undefined;
  legend: LegendEntry[];
}): ExportOptions {
  const time =
    input.dataTime === undefined
      ? 'not yet received'
      : new Date(input.dataTime).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
  return {
    title: `netmap — ${input.source}`,
    subtitle: [`Data as of ${time}`, `View: ${describeView(input.view)}`],
    legend: input.legend,
  };
}

/** The view's filters in words; "everything" when none is set. */
export function describeView(view: ViewState): string {
  const parts: string[] = [];
  if (view.grouping !== DEFAULT_VIEW.grouping) parts.push(`grouped by ${view.grouping}`);
  if (view.namespaces.length > 0) parts.push(`namespaces ${view.namespaces.join(', ')}`);
  if (view.kinds.length < DEFAULT_VIEW.kinds.length) parts.push(`only ${view.kinds.join(', ')}`);
  if (view.labels.trim()) parts.push(`labels ${view.labels.trim()}`);
  if (view.flowFocus !== 'all' && view.selected) parts.push(`flows ${view.flowFocus} ${view.selected}`);
  parts.push(view.hideSystem ? 'system namespaces hidden' : 'system namespaces shown');
  return parts.join('; ');
}
