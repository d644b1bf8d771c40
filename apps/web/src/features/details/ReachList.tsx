import type { ReachGroup } from './reach-groups.ts';

/** The answer to "who can reach this?" or "what can this reach?", by workload. */
export function ReachList(props: {
  title: string;
  groups: readonly ReachGroup[] | undefined;
  error?: string;
  onPick: (id: string) => void;
}) {
  const { groups } = props;
  return (
    <section className="reach" aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.error && <p className="field-error">{props.error}</p>}
      {!groups && !props.error && <p className="muted">Asking…</p>}
      {groups?.length === 0 && <p className="muted">Nothing.</p>}
      {groups && groups.length > 0 && (
        <ul className="reach-list">
          {groups.map((group) => (
            <li key={group.id}>
              <button type="button" className="link" onClick={() => props.onPick(group.id)}>
                {group.workload}
              </button>{' '}
              <span className="muted">
                {group.pods.length} pod{group.pods.length === 1 ? '' : 's'} ·{' '}
                {group.ports === 'all' ? 'all ports' : group.ports.join(', ')}
              </span>
              {group.unknownPorts.length > 0 && (
                <span className="result-unknown"> · unknown on {group.unknownPorts.join(', ')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
