import type { TopologyNode } from '@netmap/model';
import type { ReachQuestion } from './features/details/SelectionPanel.tsx';
import type { MenuItem } from './ui/ContextMenu.tsx';
import type { ViewState } from './view-state.ts';

/** What the graph offers for one node when it is opened for actions. */
export function nodeMenu(
  node: TopologyNode,
  view: ViewState,
  act: {
    select: () => void;
    ask: (question: ReachQuestion) => void;
    toggleExpanded: () => void;
    focus: () => void;
  },
): MenuItem[] {
  const items: MenuItem[] = [{ label: 'Details', onSelect: act.select }];
  if (node.kind === 'workload' || node.kind === 'pod' || node.kind === 'service') {
    items.push(
      { label: 'Who can reach this?', onSelect: () => act.ask('who-can-reach') },
      { label: 'What can this reach?', onSelect: () => act.ask('reachable-from') },
    );
  }
  if (node.kind === 'workload' && node.pods > 0) {
    items.push({
      label: view.expanded.includes(node.id) ? 'Hide pods' : 'Show pods',
      onSelect: act.toggleExpanded,
    });
  }
  items.push({ label: 'Zoom to it', onSelect: act.focus });
  return items;
}
