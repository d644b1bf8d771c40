import type { EdgeVisual, LegendEntry, NodeVisual } from '@netmap/graph-canvas';

/** What each shape, colour and line on the graph means: only what is on screen. */
export function Legend(props: { entries: readonly LegendEntry[] }) {
  if (props.entries.length === 0) return null;
  return (
    <details className="legend" open>
      <summary>Legend</summary>
      <ul>
        {props.entries.map((entry) => (
          <li key={entry.label}>
            <svg width="28" height="16" aria-hidden="true">
              {'node' in entry ? <NodeSwatch visual={entry.node} /> : <EdgeSwatch visual={entry.edge} />}
            </svg>
            {entry.label}
          </li>
        ))}
      </ul>
    </details>
  );
}

const DASHES = { solid: undefined, dashed: '5 3', dotted: '1.5 2.5' } as const;

function NodeSwatch(props: { visual: NodeVisual }) {
  const { visual } = props;
  const stroke = visual.borderColor ?? '#52606d';
  const common = {
    fill: visual.color,
    stroke,
    strokeWidth: 1.5,
    strokeDasharray: DASHES[visual.borderStyle ?? 'solid'],
  };
  switch (visual.shape) {
    case 'ellipse':
      return <ellipse cx="14" cy="8" rx="9" ry="6" {...common} />;
    case 'diamond':
      return <polygon points="14,1 23,8 14,15 5,8" {...common} />;
    case 'hexagon':
      return <polygon points="8,2 20,2 25,8 20,14 8,14 3,8" {...common} />;
    case 'triangle':
      return <polygon points="14,1 24,15 4,15" {...common} />;
    case 'tag':
      return <polygon points="4,2 19,2 25,8 19,14 4,14" {...common} />;
    default:
      return (
        <rect
          x="4"
          y="2"
          width="20"
          height="12"
          rx={visual.shape === 'round-rectangle' ? 3 : 0}
          {...common}
        />
      );
  }
}

function EdgeSwatch(props: { visual: EdgeVisual }) {
  const { visual } = props;
  return (
    <>
      <line
        x1="2"
        y1="8"
        x2="22"
        y2="8"
        stroke={visual.color}
        strokeWidth={visual.width ?? 1.5}
        strokeDasharray={DASHES[visual.lineStyle]}
      />
      {visual.arrow !== false && <polygon points="21,4 27,8 21,12" fill={visual.color} />}
    </>
  );
}
