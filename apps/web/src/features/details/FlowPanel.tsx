import type { Topology, TopologyFlow } from '@netmap/model';
import { useFlowsBetween } from '../../api/index.ts';

const MAX_LISTED = 100;

/** A flow edge: the flows it stands for, and for a flow between namespaces, the workload flows in it. */
export function FlowPanel(props: {
  model: Topology;
  flowIds: readonly string[];
  onPick: (id: string) => void;
}) {
  const flows = props.flowIds.flatMap((id) => props.model.flows[id] ?? []);
  const first = flows[0];
  const isBetweenNamespaces = props.model.flowLevel === 'namespace' && first !== undefined;
  const inside = useFlowsBetween(isBetweenNamespaces ? { from: first.from, to: first.to } : null);
  const detailed = inside.data ? Object.values(inside.data.flows) : undefined;
  return (
    <section className="panel" aria-label="Details">
      <div className="details">
        <h3>
          <span className="kind">Flow</span> {first ? `${nameOf(first.from)} → ${nameOf(first.to)}` : ''}
        </h3>
        <FlowList flows={flows} onPick={props.onPick} />
        {isBetweenNamespaces && (
          <>
            <h4>Between workloads</h4>
            {inside.error && <p className="field-error">{inside.error.message}</p>}
            {!detailed && !inside.error && <p className="muted">Asking…</p>}
            {detailed && <FlowList flows={detailed} onPick={props.onPick} />}
          </>
        )}
      </div>
    </section>
  );
}

function FlowList(props: { flows: readonly TopologyFlow[]; onPick: (id: string) => void }) {
  const shown = props.flows.slice(0, MAX_LISTED);
  return (
    <>
      <ul className="findings">
        {shown.map((flow) => (
          <li key={flow.id}>
            <span className={`badge badge-${flow.verdict}`}>{flow.verdict}</span>{' '}
            <button type="button" className="link" onClick={() => props.onPick(flow.from)}>
              {nameOf(flow.from)}
            </button>{' '}
            →{' '}
            <button type="button" className="link" onClick={() => props.onPick(flow.to)}>
              {nameOf(flow.to)}
            </button>{' '}
            <span className="muted">{flow.ports === 'all' ? 'all ports' : flow.ports.join(', ')}</span>
          </li>
        ))}
      </ul>
      {props.flows.length > shown.length && (
        <p className="muted">… and {props.flows.length - shown.length} more.</p>
      )}
    </>
  );
}

function nameOf(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}
