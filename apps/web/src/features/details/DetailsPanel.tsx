import type { ObjectDetails } from '@netmap/model';
import { DetailFacts } from './DetailFacts.tsx';

/** What the details panel can ask the page to do. */
export interface DetailActions {
  onPick: (id: string) => void;
  onShowPolicy: (policy: string) => void;
  onAsk?: (question: 'who-can-reach' | 'reachable-from') => void;
  /** Shows or hides a workload's pods on the graph. */
  onToggleExpanded?: () => void;
}

const KIND_NAMES = {
  namespace: 'Namespace',
  workload: 'Workload',
  pod: 'Pod',
  service: 'Service',
  ingress: 'Ingress',
  external: 'Outside the cluster',
} as const;

/** The selected object: facts, labels, the policies that select it, its findings. */
export function DetailsPanel(props: {
  details: ObjectDetails | undefined;
  error?: string;
  isExpanded: boolean;
  actions: DetailActions;
}) {
  const { details, actions } = props;
  if (props.error) return <p className="field-error">{props.error}</p>;
  if (!details) return <p className="muted">Loading…</p>;
  const canAsk = details.kind === 'workload' || details.kind === 'pod' || details.kind === 'service';
  return (
    <div className="details">
      <h3>
        <span className="kind">{KIND_NAMES[details.kind]}</span> {details.name}
      </h3>
      <div className="actions">
        {canAsk && actions.onAsk && (
          <>
            <button type="button" onClick={() => actions.onAsk?.('who-can-reach')}>
              Who can reach this?
            </button>
            <button type="button" onClick={() => actions.onAsk?.('reachable-from')}>
              What can this reach?
            </button>
          </>
        )}
        {details.kind === 'workload' && actions.onToggleExpanded && details.pods.length > 0 && (
          <button type="button" onClick={actions.onToggleExpanded}>
            {props.isExpanded ? 'Hide pods' : 'Show pods'}
          </button>
        )}
      </div>
      <DetailFacts details={details} onPick={actions.onPick} />
      {details.kind === 'ingress' && (
        <ul className="routes">
          {details.routes.map((route) => (
            <li key={`${route.host}${route.path}`}>
              {route.isTls ? 'https' : 'http'}://{route.host || '*'}
              {route.path} →{' '}
              <button type="button" className="link" onClick={() => actions.onPick(route.service)}>
                {route.service.slice('service:'.length)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Labels labels={details.labels} />
      {(details.kind === 'workload' || details.kind === 'pod') && (
        <section>
          <h4>Policies</h4>
          {(['ingress', 'egress'] as const).map((direction) => (
            <p key={direction}>
              <strong>{direction === 'ingress' ? 'Ingress' : 'Egress'}:</strong>{' '}
              {details.policies[direction].length === 0 ? (
                <span className="warning-text">
                  no policy selects it: all {direction} is allowed (unprotected)
                </span>
              ) : (
                details.policies[direction].map((policy, index) => (
                  <span key={policy}>
                    {index > 0 && ', '}
                    <button type="button" className="link" onClick={() => actions.onShowPolicy(policy)}>
                      {policy}
                    </button>
                  </span>
                ))
              )}
            </p>
          ))}
        </section>
      )}
      {details.findings.length > 0 && (
        <section>
          <h4>Findings</h4>
          <ul className="findings">
            {details.findings.map((finding) => (
              <li key={finding.id} className={`severity-${finding.severity}`}>
                <span className="badge badge-severity">{finding.severity}</span> {finding.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Labels(props: { labels: Record<string, string> }) {
  const entries = Object.entries(props.labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return null;
  return (
    <section>
      <h4>Labels</h4>
      <ul className="chips" aria-label="Labels">
        {entries.map(([key, value]) => (
          <li key={key}>
            {key}={value}
          </li>
        ))}
      </ul>
    </section>
  );
}
