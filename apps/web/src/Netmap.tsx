import { useCallback, useEffect, useMemo, useState } from 'react';
import type { GraphCanvas } from '@netmap/graph-canvas';
import { useCheck, useConnection, useFindings, useModel, useStatus, type ModelStream } from './api/index.ts';
import { FlowPanel } from './features/details/FlowPanel.tsx';
import { GroupPanel } from './features/details/GroupPanel.tsx';
import { SelectionPanel, useReachQuestion } from './features/details/SelectionPanel.tsx';
import { ExportButtons } from './features/export/ExportButtons.tsx';
import { exportFrame } from './features/export/export-frame.ts';
import { FilterBar } from './features/filters/FilterBar.tsx';
import { FindingsPanel } from './features/findings/FindingsPanel.tsx';
import { useFindingFocus } from './features/findings/useFindingFocus.ts';
import { SearchBox } from './features/filters/SearchBox.tsx';
import { buildElements } from './features/map/elements.ts';
import { elementsFor, withJoiningEdges } from './features/map/highlight.ts';
import { MapView } from './features/map/MapView.tsx';
import { endpointSuggestions, routeNodeIds } from './features/query/endpoints.ts';
import { PolicyViewer, type PolicyFocus } from './features/query/PolicyViewer.tsx';
import { QueryPanel } from './features/query/QueryPanel.tsx';
import { ReportLink } from './features/report/ReportLink.tsx';
import { editableYaml } from './features/what-if/draft-text.ts';
import { useWhatIfDraft } from './features/what-if/useWhatIfDraft.ts';
import { useWhatIfMap } from './features/what-if/useWhatIfMap.ts';
import { WhatIfEdgeList } from './features/what-if/WhatIfEdgeList.tsx';
import { WhatIfPanel } from './features/what-if/WhatIfPanel.tsx';
import { useViewState } from './useViewState.ts';
import { ConnectionIndicator } from './ui/ConnectionIndicator.tsx';
import { ContextMenu } from './ui/ContextMenu.tsx';
import { Legend } from './ui/Legend.tsx';
import { StatusBanners } from './ui/StatusBanners.tsx';
import { nodeMenu } from './node-menu.ts';

/** The page: header, filters, the graph, and the query and details panels. */
export function Netmap(props: { stream: ModelStream }) {
  const [view, update] = useViewState();
  const tool = view.panel;
  const model = useModel().data;
  const statusAnswer = useStatus();
  const status = statusAnswer.data;
  // A session that ended (shared deployments with an access token): sign in again, then come back.
  const isSignedOut = statusAnswer.error?.status === 401;
  useEffect(() => {
    if (isSignedOut)
      window.location.assign(
        `/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`,
      );
  }, [isSignedOut]);
  const connection = useConnection();
  const [canvas, setCanvas] = useState<GraphCanvas | null>(null);
  const [policy, setPolicy] = useState<PolicyFocus | null>(null);
  const [reachHighlight, setReachHighlight] = useState<string[] | null>(null);
  const [menu, setMenu] = useState<{ id: string; position: { x: number; y: number } } | null>(null);
  const [question, setQuestion] = useReachQuestion(view.selected);
  const findings = useFindings().data ?? [];

  const map = useMemo(() => (model ? buildElements(model, view) : undefined), [model, view]);
  const whatIf = useWhatIfDraft();
  const shown = useWhatIfMap(map, model, whatIf.result);
  const suggestions = useMemo(() => (model ? endpointSuggestions(model) : []), [model]);
  const namespaces = useMemo(
    () =>
      model
        ? Object.values(model.nodes)
            .flatMap((node) => (node.kind === 'namespace' ? [node.name] : []))
            .sort()
        : [],
    [model],
  );
  const check = useCheck(view.query);
  const select = useCallback((id: string | null) => update({ selected: id }), [update]);
  const showPolicy = useCallback((name: string) => setPolicy({ policy: name }), []);
  const findingFocus = useFindingFocus({
    model,
    map,
    canvas,
    selected: view.selected,
    onSelect: select,
    onShowPolicy: showPolicy,
  });
  const highlight = useMemo(() => {
    if (!map || !model) return null;
    const nodes =
      reachHighlight ??
      findingFocus.highlight ??
      (check.data && view.query ? routeNodeIds(check.data, model) : null);
    // Otherwise a what-if preview's edges stand out.
    return nodes ? withJoiningEdges(map.elements, nodes) : shown.highlight;
  }, [map, model, reachHighlight, findingFocus.highlight, check.data, view.query, shown.highlight]);

  // Live changes flash briefly where they land.
  useEffect(() => {
    if (!canvas || !map) return;
    return props.stream.onChange((change) =>
      canvas.flash(elementsFor(map, [...change.nodes, ...change.flows])),
    );
  }, [props.stream, canvas, map]);

  const pick = useCallback(
    (id: string) => {
      update({ selected: id });
      canvas?.fit([id]);
    },
    [update, canvas],
  );
  const toggleExpanded = (id: string) =>
    update({
      expanded: view.expanded.includes(id)
        ? view.expanded.filter((each) => each !== id)
        : [...view.expanded, id].sort(),
    });
  const selectedNode = view.selected && model ? model.nodes[view.selected] : undefined;
  const sourceName = status?.source.description ?? 'netmap';

  return (
    <div className="app">
      <header className="app-header">
        <h1>netmap</h1>
        <span className="source">{status ? status.source.description : 'connecting…'}</span>
        {status && (
          <span className="cni" title={status.source.cni.evidence}>
            CNI: {status.source.cni.name}
          </span>
        )}
        <span className="spacer" />
        <SearchBox model={model} onPick={pick} />
        <ReportLink isReady={Boolean(model)} />
        <ConnectionIndicator state={connection.state} lastEventAt={connection.lastEventAt} />
      </header>
      <div className="banners">
        <StatusBanners status={status?.source} />
      </div>
      <aside className="sidebar">
        <FilterBar view={view} onChange={update} namespaces={namespaces} labelError={map?.selectorError} />
        {map && <Legend entries={shown.legend} />}
        {map && map.hidden.nodes > 0 && (
          <p className="muted">
            {map.hidden.nodes} {map.hidden.nodes === 1 ? 'object' : 'objects'} hidden by the filters.
          </p>
        )}
      </aside>
      <main className="map">
        {map && (
          <MapView
            elements={shown.elements ?? map.elements}
            selected={view.selected}
            highlight={highlight}
            onSelect={select}
            onContext={(id, position) => setMenu({ id, position })}
            onCanvas={setCanvas}
          />
        )}
        <WhatIfEdgeList edges={shown.edges} />
        {!model && <div className="map-empty">Loading the cluster’s network…</div>}
        {map?.aggregated && <div className="map-notice banner banner-info">{map.aggregated}</div>}
        <div className="map-tools">
          <button type="button" onClick={() => canvas?.fit()} disabled={!canvas}>
            Fit
          </button>
          <ExportButtons
            canvas={canvas}
            source={sourceName}
            dataTime={connection.lastEventAt}
            frame={exportFrame({
              view,
              source: sourceName,
              dataTime: connection.lastEventAt,
              legend: shown.legend,
            })}
          />
        </div>
        {menu && model?.nodes[menu.id] && (
          <ContextMenu
            position={menu.position}
            items={nodeMenu(model.nodes[menu.id]!, view, {
              select: () => select(menu.id),
              ask: (next) => {
                select(menu.id);
                setQuestion(next);
              },
              toggleExpanded: () => toggleExpanded(menu.id),
              focus: () => canvas?.fit([menu.id]),
            })}
            onClose={() => setMenu(null)}
          />
        )}
      </main>
      <aside className="panels">
        <div className="side-tools">
          <button
            type="button"
            aria-expanded={tool === 'findings'}
            onClick={() => update({ panel: tool === 'findings' ? null : 'findings' })}
          >
            Findings ({findings.length})
          </button>
          <button
            type="button"
            aria-expanded={tool === 'what-if'}
            onClick={() => update({ panel: tool === 'what-if' ? null : 'what-if' })}
          >
            What-if{whatIf.result ? ' (preview shown)' : ''}
          </button>
        </div>
        {tool === 'findings' && (
          <FindingsPanel findings={findings} activeId={findingFocus.activeId} onPick={findingFocus.pick} />
        )}
        {tool === 'what-if' && <WhatIfPanel draft={whatIf} drawn={shown.drawn} />}
        <QueryPanel
          query={view.query}
          suggestions={suggestions}
          onQuery={(query) => update({ query })}
          onShowPolicy={(name, direction, rule) => setPolicy({ policy: name, direction, rule })}
        />
        {policy && (
          <PolicyViewer
            focus={policy}
            onClose={() => setPolicy(null)}
            onEdit={(yaml) => {
              whatIf.addDocument(editableYaml(yaml));
              update({ panel: 'what-if' });
            }}
          />
        )}
        {view.selected?.startsWith('flow:') && map && model && (
          <FlowPanel model={model} flowIds={map.members[view.selected] ?? []} onPick={pick} />
        )}
        {view.selected && !view.selected.startsWith('flow:') && !selectedNode && map && (
          <GroupPanel id={view.selected} map={map} onPick={pick} />
        )}
        {selectedNode && (
          <SelectionPanel
            node={selectedNode}
            question={question}
            onQuestion={setQuestion}
            isExpanded={view.expanded.includes(selectedNode.id)}
            onHighlight={setReachHighlight}
            actions={{
              onPick: pick,
              onShowPolicy: (name) => setPolicy({ policy: name }),
              onToggleExpanded: () => toggleExpanded(selectedNode.id),
            }}
          />
        )}
      </aside>
    </div>
  );
}
