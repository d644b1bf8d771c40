import { useEffect, useMemo, useState } from 'react';
import type { TopologyNode } from '@netmap/model';
import { useObjectDetails, useReachableFrom, useWhoCanReach } from '../../api/index.ts';
import { endpointOf } from '../query/endpoints.ts';
import { DetailsPanel, type DetailActions } from './DetailsPanel.tsx';
import { ReachList } from './ReachList.tsx';
import { groupReach, reachIds } from './reach-groups.ts';

export type ReachQuestion = 'who-can-reach' | 'reachable-from';

/** The selected node's details, and the answer to a reach question about it, drawn on the graph. */
export function SelectionPanel(props: {
  node: TopologyNode;
  question: ReachQuestion | null;
  onQuestion: (question: ReachQuestion | null) => void;
  isExpanded: boolean;
  actions: Omit<DetailActions, 'onAsk'>;
  onHighlight: (ids: string[] | null) => void;
}) {
  const { node, question, onHighlight } = props;
  const details = useObjectDetails(node.id);
  const endpoint = endpointOf(node) ?? null;
  const whoCanReach = useWhoCanReach(question === 'who-can-reach' ? endpoint : null);
  const reachableFrom = useReachableFrom(question === 'reachable-from' ? endpoint : null);
  const answer = question === 'who-can-reach' ? whoCanReach : reachableFrom;
  const groups = useMemo(() => (answer.data ? groupReach(answer.data) : undefined), [answer.data]);

  useEffect(() => {
    onHighlight(question && groups ? [node.id, ...reachIds(groups)] : null);
    return () => onHighlight(null);
  }, [question, groups, node.id, onHighlight]);

  return (
    <section className="panel" aria-label="Details">
      <DetailsPanel
        details={details.data}
        error={details.error?.message}
        isExpanded={props.isExpanded}
        actions={{ ...props.actions, onAsk: props.onQuestion }}
      />
      {question && (
        <ReachList
          title={question === 'who-can-reach' ? 'Who can reach this' : 'What this can reach'}
          groups={groups}
          error={answer.error?.message}
          onPick={props.actions.onPick}
        />
      )}
    </section>
  );
}

/** Keeps the reach question only while the same node stays selected. */
export function useReachQuestion(selected: string | null) {
  const [state, setState] = useState<{ id: string | null; question: ReachQuestion | null }>({
    id: selected,
    question: null,
  });
  const question = state.id === selected ? state.question : null;
  const setQuestion = (next: ReachQuestion | null) => setState({ id: selected, question: next });
  return [question, setQuestion] as const;
}
