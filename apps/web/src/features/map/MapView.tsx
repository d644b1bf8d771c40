import { useEffect, useRef, useState } from 'react';
import { createGraphCanvas, type CanvasElements, type GraphCanvas } from '@netmap/graph-canvas';

/**
 * The graph on screen: one canvas created once, which React never re-renders; element, selection
 * and highlight changes are handed to it as data. The canvas is lent out through `onCanvas` for
 * exports, fitting and flashing.
 */
export function MapView(props: {
  elements: CanvasElements;
  selected: string | null;
  highlight: readonly string[] | null;
  onSelect: (id: string | null) => void;
  onContext: (id: string, position: { x: number; y: number }) => void;
  onCanvas?: (canvas: GraphCanvas | null) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const canvas = useRef<GraphCanvas | null>(null);
  const handlers = useRef(props);
  // Large graphs are laid out off the page's thread: how many nodes, while that runs.
  const [layingOut, setLayingOut] = useState<number | null>(null);
  useEffect(() => {
    handlers.current = props;
  });

  useEffect(() => {
    const created = createGraphCanvas(container.current ?? undefined);
    canvas.current = created;
    const offSelect = created.on('select', (id) => handlers.current.onSelect(id));
    const offContext = created.on('context', (id, position) => handlers.current.onContext(id, position));
    const offLayout = created.on('layout', ({ nodes, isDone }) => setLayingOut(isDone ? null : nodes));
    handlers.current.onCanvas?.(created);
    return () => {
      offSelect();
      offContext();
      offLayout();
      handlers.current.onCanvas?.(null);
      created.destroy();
      canvas.current = null;
    };
  }, []);

  useEffect(() => {
    canvas.current?.setElements(props.elements);
  }, [props.elements]);

  useEffect(() => {
    canvas.current?.setSelection(props.selected ? [props.selected] : []);
  }, [props.selected, props.elements]);

  useEffect(() => {
    canvas.current?.setHighlight(props.highlight);
  }, [props.highlight, props.elements]);

  return (
    <>
      <div ref={container} className="map-canvas" data-testid="map" aria-hidden="true" />
      {layingOut !== null && (
        <div className="map-empty" aria-live="polite">
          Laying out {layingOut.toLocaleString('en-US')} nodes…
        </div>
      )}
      <GraphText elements={props.elements} selected={props.selected} highlight={props.highlight} />
    </>
  );
}

/**
 * The graph as text for screen readers (and for tests, which read the page as users' tools do):
 * each node on screen with whether it is selected or highlighted.
 */
function GraphText(props: {
  elements: CanvasElements;
  selected: string | null;
  highlight: readonly string[] | null;
}) {
  const highlighted = new Set(props.highlight ?? []);
  return (
    <ul className="visually-hidden" aria-label="Graph nodes">
      {props.elements.nodes.map((node) => (
        <li
          key={node.id}
          data-id={node.id}
          aria-current={node.id === props.selected ? 'true' : undefined}
          data-highlighted={highlighted.has(node.id) ? 'true' : undefined}
        >
          {node.label}
          {node.caption ? ` (${node.caption})` : ''}
        </li>
      ))}
    </ul>
  );
}
