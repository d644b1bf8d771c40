import { useEffect, useMemo, useRef } from 'react';
import { joinOutsidePieces } from '@netmap/engine';
import type { WhatIfResult } from '@netmap/model';
import { ChangedFindingList, FindingChangeList, FlowChangeList } from './ChangeLists.tsx';
import { findingChanges, summaryText } from './diff-text.ts';

/** What a draft would change: a summary, a loud warning when it opens a path from outside, the lists. */
export function WhatIfResultView(props: {
  result: WhatIfResult;
  /** Edges drawn on the graph, and changes not drawn because an end is not on it. */
  drawn: { edges: number; notDrawn: number };
  isDraftChanged: boolean;
  isModelChanged: boolean;
  onPreview: () => void;
}) {
  const { drawn } = props;
  // Listed as people read them: pieces of the outside that change alike, joined.
  const result = useMemo(() => joinOutsidePieces(props.result), [props.result]);
  const { applied, deleted } = result.draft;
  const findings = findingChanges(result.findings);
  const section = useRef<HTMLElement>(null);
  // A new answer comes into view below the draft, which may be long. (A block body: Chromium's
  // scrollIntoView may return a promise, which React would take for a cleanup function.)
  useEffect(() => {
    section.current?.scrollIntoView?.({ block: 'nearest' });
  }, [props.result]);
  return (
    <section ref={section} className="what-if-result" aria-label="What-if result" aria-live="polite">
      {(props.isModelChanged || props.isDraftChanged) && (
        <div className="what-if-outdated">
          {props.isModelChanged
            ? 'The cluster changed since the preview.'
            : 'The draft changed since this preview.'}{' '}
          <button type="button" onClick={props.onPreview}>
            Preview again
          </button>
        </div>
      )}
      <p className="what-if-summary">{summaryText(result)}</p>
      {result.addsExposure && (
        <p className="what-if-exposure" role="alert">
          <strong>This draft opens a path from outside the cluster.</strong> Check the flows it would allow
          and the exposure findings before applying it.
        </p>
      )}
      <p className="muted">
        {applied.length > 0 && <>Applies {applied.join(', ')}. </>}
        {deleted.length > 0 && <>Deletes {deleted.join(', ')}. </>}
        {drawn.edges > 0 &&
          'On the graph: flows it would allow in green, flows it would deny in red (dashed). '}
        {drawn.notDrawn > 0 &&
          `${drawn.notDrawn} changed ${drawn.notDrawn === 1 ? 'flow is' : 'flows are'} not drawn: an end is not on the graph.`}
      </p>
      <FlowChangeList className="added" title="Flows the draft would allow" changes={result.flows.added} />
      <FlowChangeList className="removed" title="Flows the draft would deny" changes={result.flows.removed} />
      <FlowChangeList
        className="unknown"
        title="Flows that would depend on unknown facts"
        changes={result.unknownFlows.added}
      />
      <FlowChangeList
        className="unknown"
        title="Flows that would no longer depend on unknown facts"
        changes={result.unknownFlows.removed}
      />
      <FindingChangeList title="Findings that would appear" findings={findings.appeared} />
      <FindingChangeList title="Findings that would go" findings={findings.gone} />
      <ChangedFindingList changes={findings.changed} />
    </section>
  );
}
